<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>AssessmentPanel</name>
    <message numerus="yes">
        <source>%n item(s) to address</source>
        <translation><numerusform>%n item to address</numerusform><numerusform>%n items to address</numerusform></translation>
    </message>
</context>
<context>
    <name>CaseEdit</name>
    <message numerus="yes">
        <source>%n item(s) must be addressed before submitting</source>
        <translation><numerusform>%n item must be addressed before submitting</numerusform><numerusform>%n items must be addressed before submitting</numerusform></translation>
    </message>
</context>
<context>
    <name>CaseWorkspace</name>
    <message numerus="yes">
        <source>Not saved: fix %n field(s)</source>
        <translation><numerusform>Not saved: fix %n field</numerusform><numerusform>Not saved: fix %n fields</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n case(s)</source>
        <translation><numerusform>%n case</numerusform><numerusform>%n cases</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>{shown} of %n case(s)</source>
        <translation><numerusform>{shown} of %n case</numerusform><numerusform>{shown} of %n cases</numerusform></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message numerus="yes">
        <source>%n file(s)</source>
        <translation><numerusform>%n file</numerusform><numerusform>%n files</numerusform></translation>
    </message>
</context>
</TS>
