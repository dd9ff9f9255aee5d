<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en_US">
    <context>
        <name>GenerationQueuePanel</name>
        <message numerus="yes">
            <source>%n job(s) left</source>
            <translation>
                <numerusform>%n job left</numerusform>
                <numerusform>%n jobs left</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>SectionLane</name>
        <message numerus="yes">
            <source>%n take(s)</source>
            <translation>
                <numerusform>%n take</numerusform>
                <numerusform>%n takes</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>SettingsDialog</name>
        <message numerus="yes">
            <source>%n second(s)</source>
            <translation>
                <numerusform>%n second</numerusform>
                <numerusform>%n seconds</numerusform>
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
        <name>s2a::ui::GenerationQueueModel</name>
        <message numerus="yes">
            <source>about %n s left</source>
            <translation>
                <numerusform>about %n s left</numerusform>
                <numerusform>about %n s left</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>about %n min left</source>
            <translation>
                <numerusform>about %n min left</numerusform>
                <numerusform>about %n min left</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n new take(s) ready</source>
            <translation>
                <numerusform>%n new take ready</numerusform>
                <numerusform>%n new takes ready</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>s2a::ui::TakeListModel</name>
        <message numerus="yes">
            <source>%n step(s)</source>
            <translation>
                <numerusform>%n step</numerusform>
                <numerusform>%n steps</numerusform>
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