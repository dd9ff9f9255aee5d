<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en_US">
<context>
    <name>EmptyProjectView</name>
    <message numerus="yes">
        <location filename="../ui/qml/EmptyProjectView.qml" line="26" />
        <source>%1 · %n section(s)</source>
        <translation>
            <numerusform>%1 · %n section</numerusform>
            <numerusform>%1 · %n sections</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/qml/EmptyProjectView.qml" line="27" />
        <source>%n track(s)</source>
        <translation>
            <numerusform>%n track</numerusform>
            <numerusform>%n tracks</numerusform>
        </translation>
    </message>
</context>
</TS>