<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en_US">
<context>
    <name>s2a::ui::ExportModel</name>
    <message numerus="yes">
        <source>%n file(s) written to %1</source>
        <translation>
            <numerusform>%n file written to %1</numerusform>
            <numerusform>%n files written to %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SongOverview</name>
    <message numerus="yes">
        <source>%1 · %n section(s)</source>
        <translation>
            <numerusform>%1 · %n section</numerusform>
            <numerusform>%1 · %n sections</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n track(s)</source>
        <translation>
            <numerusform>%n track</numerusform>
            <numerusform>%n tracks</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>s2a::ui::TransportModel</name>
    <message numerus="yes">
        <source>DSP %1 % · %n xrun(s)</source>
        <translation>
            <numerusform>DSP %1 % · %n xrun</numerusform>
            <numerusform>DSP %1 % · %n xruns</numerusform>
        </translation>
    </message>
</context>
</TS>