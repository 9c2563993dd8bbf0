<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>AssessmentPanel</name>
    <message numerus="yes">
        <source>%n item(s) to address</source>
        <translation>
            <numerusform>%n item to address</numerusform>
            <numerusform>%n items to address</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>BackupsDialog</name>
    <message numerus="yes">
        <source>%n backup(s).</source>
        <translation>
            <numerusform>%n backup.</numerusform>
            <numerusform>%n backups.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CaseEdit</name>
    <message numerus="yes">
        <source>%n item(s) must be addressed before submitting</source>
        <translation>
            <numerusform>%n item must be addressed before submitting</numerusform>
            <numerusform>%n items must be addressed before submitting</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CaseWorkspace</name>
    <message numerus="yes">
        <source>Not saved: fix %n field(s)</source>
        <translation>
            <numerusform>Not saved: fix %n field</numerusform>
            <numerusform>Not saved: fix %n fields</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n case(s)</source>
        <translation>
            <numerusform>%n case</numerusform>
            <numerusform>%n cases</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{shown}+ of %n case(s)</source>
        <translation>
            <numerusform>{shown}+ of %n case</numerusform>
            <numerusform>{shown}+ of %n cases</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{shown} of %n case(s)</source>
        <translation>
            <numerusform>{shown} of %n case</numerusform>
            <numerusform>{shown} of %n cases</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ConflictDialog</name>
    <message numerus="yes">
        <source>Resolved %n field(s) of %1; the next sync sends them.</source>
        <translation>
            <numerusform>Resolved %n field of %1; the next sync sends it.</numerusform>
            <numerusform>Resolved %n fields of %1; the next sync sends them.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message numerus="yes">
        <source>&amp;All %n case(s), into a folder</source>
        <translation>
            <numerusform>&amp;All %n case, into a folder</numerusform>
            <numerusform>&amp;All %n cases, into a folder</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ExportFlow</name>
    <message numerus="yes">
        <source>Exported %n case(s) to %1.</source>
        <translation>
            <numerusform>Exported %n case to %1.</numerusform>
            <numerusform>Exported %n cases to %1.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ImportPreviewDialog</name>
    <message numerus="yes">
        <source>%n new</source>
        <translation>
            <numerusform>%n new</numerusform>
            <numerusform>%n new</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n already in the store</source>
        <translation>
            <numerusform>%n already in the store</numerusform>
            <numerusform>%n already in the store</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n review bundle(s)</source>
        <translation>
            <numerusform>%n review bundle</numerusform>
            <numerusform>%n review bundles</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n refused</source>
        <translation>
            <numerusform>%n refused</numerusform>
            <numerusform>%n refused</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n file(s): </source>
        <translation>
            <numerusform>%n file: </numerusform>
            <numerusform>%n files: </numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&amp;Import %n file(s)</source>
        <translation>
            <numerusform>&amp;Import %n file</numerusform>
            <numerusform>&amp;Import %n files</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ImportResultDialog</name>
    <message numerus="yes">
        <source>%n file(s) imported</source>
        <translation>
            <numerusform>%n file imported</numerusform>
            <numerusform>%n files imported</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>; %n not</source>
        <translation>
            <numerusform>; %n not</numerusform>
            <numerusform>; %n not</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message numerus="yes">
        <source>%n file(s)</source>
        <translation>
            <numerusform>%n file</numerusform>
            <numerusform>%n files</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>OfficeMembersDialog</name>
    <message numerus="yes">
        <source>%n member(s),</source>
        <translation>
            <numerusform>%n member,</numerusform>
            <numerusform>%n members,</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n waiting for approval.</source>
        <translation>
            <numerusform>%n waiting for approval.</numerusform>
            <numerusform>%n waiting for approval.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>OfficeSettingsDialog</name>
    <message numerus="yes">
        <source>%n case(s) to send;</source>
        <translation>
            <numerusform>%n case to send;</numerusform>
            <numerusform>%n cases to send;</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n with a conflict to resolve.</source>
        <translation>
            <numerusform>%n with a conflict to resolve.</numerusform>
            <numerusform>%n with a conflict to resolve.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReviewQueueWidget</name>
    <message numerus="yes">
        <source>Waiting %n day(s) or more</source>
        <translation>
            <numerusform>Waiting %n day or more</numerusform>
            <numerusform>Waiting %n days or more</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n submitted case(s)</source>
        <translation>
            <numerusform>%1 of %n submitted case</numerusform>
            <numerusform>%1 of %n submitted cases</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n day</numerusform>
            <numerusform>%n days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hour(s)</source>
        <translation>
            <numerusform>%n hour</numerusform>
            <numerusform>%n hours</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SyncDialog</name>
    <message numerus="yes">
        <source>Goes &amp;up to the office: %n case(s)</source>
        <translation>
            <numerusform>Goes &amp;up to the office: %n case</numerusform>
            <numerusform>Goes &amp;up to the office: %n cases</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Comes &amp;down from the office: %n case(s)</source>
        <translation>
            <numerusform>Comes &amp;down from the office: %n case</numerusform>
            <numerusform>Comes &amp;down from the office: %n cases</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Goes up: %n case(s).</source>
        <translation>
            <numerusform>Goes up: %n case.</numerusform>
            <numerusform>Goes up: %n cases.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Comes down: %n case(s).</source>
        <translation>
            <numerusform>Comes down: %n case.</numerusform>
            <numerusform>Comes down: %n cases.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&amp;Held back until a person chooses (a conflict): %n case(s)</source>
        <translation>
            <numerusform>&amp;Held back until a person chooses (a conflict): %n case</numerusform>
            <numerusform>&amp;Held back until a person chooses (a conflict): %n cases</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SyncSummary</name>
    <message numerus="yes">
        <source>Synced: %n sent</source>
        <translation>
            <numerusform>Synced: %n sent</numerusform>
            <numerusform>Synced: %n sent</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n taken in</source>
        <translation>
            <numerusform>%n taken in</numerusform>
            <numerusform>%n taken in</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n merged</source>
        <translation>
            <numerusform>%n merged</numerusform>
            <numerusform>%n merged</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n conflict(s) to resolve</source>
        <translation>
            <numerusform>%n conflict to resolve</numerusform>
            <numerusform>%n conflicts to resolve</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n refused (see the audit log)</source>
        <translation>
            <numerusform>%n refused (see the audit log)</numerusform>
            <numerusform>%n refused (see the audit log)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n waiting</source>
        <translation>
            <numerusform>%n waiting</numerusform>
            <numerusform>%n waiting</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n case(s) with your changes not sent</source>
        <translation>
            <numerusform>%n case with your changes not sent</numerusform>
            <numerusform>%n cases with your changes not sent</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>both sides in step: %n case(s)</source>
        <translation>
            <numerusform>both sides in step: %n case</numerusform>
            <numerusform>both sides in step: %n cases</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n deletion(s)</source>
        <translation>
            <numerusform>, %n deletion</numerusform>
            <numerusform>, %n deletions</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n case(s) held back by a conflict that waits for a person (another sync will not settle it): Resolve conflicts…</source>
        <translation>
            <numerusform>%n case held back by a conflict that waits for a person (another sync will not settle it): Resolve conflicts…</numerusform>
            <numerusform>%n cases held back by a conflict that waits for a person (another sync will not settle it): Resolve conflicts…</numerusform>
        </translation>
    </message>
</context>
</TS>
