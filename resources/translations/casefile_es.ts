<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es">
<context>
    <name>PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation>Preferencias</translation>
    </message>
    <message>
        <source> minutes</source>
        <translation> minutos</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>Idioma del sistema</translation>
    </message>
    <message>
        <source>Takes effect the next time Casefile starts.</source>
        <translation>Se aplica la próxima vez que se inicie Casefile.</translation>
    </message>
    <message>
        <source>&amp;Lock after no input for</source>
        <translation>&amp;Bloquear tras inactividad de</translation>
    </message>
    <message>
        <source>Memo &amp;agency line</source>
        <translation>Línea de la &amp;agencia del memorando</translation>
    </message>
    <message>
        <source>Memo &amp;handling line</source>
        <translation>Línea de &amp;manejo del memorando</translation>
    </message>
    <message>
        <source>Memorandum &amp;for</source>
        <translation>Memorando &amp;dirigido a</translation>
    </message>
    <message>
        <source>&amp;Through</source>
        <translation>&amp;Por conducto de</translation>
    </message>
    <message>
        <source>&amp;Paper</source>
        <translation>&amp;Papel</translation>
    </message>
    <message>
        <source>Lan&amp;guage</source>
        <translation>&amp;Idioma</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Guardar</translation>
    </message>
    <message>
        <source>The memo needs an agency line.</source>
        <translation>El memorando necesita una línea de agencia.</translation>
    </message>
    <message>
        <source>Every memo page carries a handling line; enter one.</source>
        <translation>Cada página del memorando lleva una línea de manejo; escriba una.</translation>
    </message>
    <message>
        <source>Say whom the memorandum is for (for example the field office director).</source>
        <translation>Indique a quién va dirigido el memorando (por ejemplo, al director de la oficina local).</translation>
    </message>
</context>
<context>
    <name>Startup</name>
    <message>
        <source>Store: {folder}</source>
        <translation>Almacén: {folder}</translation>
    </message>
</context>
</TS>
