<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es">
<context>
    <name>AboutDialog</name>
    <message>
        <source>The Bitstream Vera fonts licence (permissive, free), with the DejaVu changes in the public domain</source>
        <translation>La licencia de las fuentes Bitstream Vera (permisiva, libre), con los cambios de DejaVu en el dominio público</translation>
    </message>
    <message>
        <source>unknown (not installed)</source>
        <translation>desconocida (no instalado)</translation>
    </message>
    <message>
        <source>SQLCipher: unlock Casefile to see its version and crypto provider</source>
        <translation>SQLCipher: desbloquee Casefile para ver su versión y su proveedor criptográfico</translation>
    </message>
    <message>
        <source>About Casefile</source>
        <translation>Acerca de Casefile</translation>
    </message>
    <message>
        <source>SQLCipher: reading…</source>
        <translation>SQLCipher: leyendo…</translation>
    </message>
    <message>
        <source>Versions</source>
        <translation>Versiones</translation>
    </message>
    <message>
        <source>Casefile keeps prosecutorial-discretion case files for immigration officers, encrypted on this laptop. The memo fonts are DejaVu Sans, shipped under this licence:</source>
        <translation>Casefile guarda, cifrados en esta computadora portátil, los expedientes de discreción procesal de los oficiales de inmigración. Las fuentes del memorando son DejaVu Sans, distribuidas con esta licencia:</translation>
    </message>
    <message>
        <source>Font licence</source>
        <translation>Licencia de las fuentes</translation>
    </message>
</context>
<context>
    <name>AppDialog</name>
    <message>
        <source>Error</source>
        <translation>Error</translation>
    </message>
</context>
<context>
    <name>AssessmentPanel</name>
    <message>
        <source>Policy translation</source>
        <translation>Traducción de la política</translation>
    </message>
    <message>
        <source>Some of this policy&apos;s text is shown in English: {problems}</source>
        <translation>Parte del texto de esta política se muestra en inglés: {problems}</translation>
    </message>
</context>
<context>
    <name>CaseWorkspace</name>
    <message>
        <source>Saved</source>
        <translation>Guardado</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Guardando…</translation>
    </message>
    <message>
        <source>Unsaved changes…</source>
        <translation>Cambios sin guardar…</translation>
    </message>
    <message>
        <source>New — saved once you type</source>
        <translation>Nuevo: se guarda en cuanto escriba</translation>
    </message>
    <message>
        <source>Not saved — kept on screen</source>
        <translation>Sin guardar: se conserva en pantalla</translation>
    </message>
    <message>
        <source>Not saved — changed elsewhere</source>
        <translation>Sin guardar: modificado en otro lugar</translation>
    </message>
    <message>
        <source>Changed elsewhere: this case was saved somewhere else after you opened it. Your changes are still on screen but not saved. Reload shows the stored case (dropping them); Keep mine saves yours on top of it.</source>
        <translation>Modificado en otro lugar: este caso se guardó en otro sitio después de que usted lo abriera. Sus cambios siguen en pantalla, pero no están guardados. «Volver a cargar» muestra el caso guardado (y descarta sus cambios); «Conservar los míos» guarda los suyos encima.</translation>
    </message>
    <message>
        <source>Search name, alias, A-number or case number  (Ctrl+F)</source>
        <translation>Buscar por nombre, alias, número A o número de caso  (Ctrl+F)</translation>
    </message>
    <message>
        <source>Search cases</source>
        <translation>Buscar casos</translation>
    </message>
    <message>
        <source>Cases</source>
        <translation>Casos</translation>
    </message>
    <message>
        <source>Select a case in the list, or start a new one with Ctrl+N.</source>
        <translation>Seleccione un caso de la lista o empiece uno nuevo con Ctrl+N.</translation>
    </message>
    <message>
        <source>This new case could not be stored yet, so what you typed in it is not saved.</source>
        <translation>Este caso nuevo aún no se pudo guardar en el almacén, así que lo que escribió en él no está guardado.</translation>
    </message>
    <message>
        <source>This case was changed elsewhere, so your latest changes are not saved.</source>
        <translation>Este caso se modificó en otro lugar, así que sus últimos cambios no están guardados.</translation>
    </message>
    <message>
        <source>This case has fields that need fixing, so its latest changes are not saved.</source>
        <translation>Este caso tiene campos que deben corregirse, así que sus últimos cambios no están guardados.</translation>
    </message>
    <message>
        <source>The latest changes to this case could not be saved.</source>
        <translation>No se pudieron guardar los últimos cambios de este caso.</translation>
    </message>
    <message>
        <source>This new case is not stored yet; what you typed is kept on screen.</source>
        <translation>Este caso nuevo aún no está guardado en el almacén; lo que escribió se conserva en pantalla.</translation>
    </message>
    <message>
        <source>This case was changed elsewhere: choose Reload or Keep mine first.</source>
        <translation>Este caso se modificó en otro lugar: elija primero «Volver a cargar» o «Conservar los míos».</translation>
    </message>
    <message>
        <source>Fix the highlighted fields first: this case is not saved yet.</source>
        <translation>Corrija primero los campos resaltados: este caso aún no está guardado.</translation>
    </message>
    <message>
        <source>This case&apos;s latest changes are not saved yet; they are kept on screen.</source>
        <translation>Los últimos cambios de este caso aún no están guardados; se conservan en pantalla.</translation>
    </message>
    <message numerus="yes">
        <source>Not saved: fix %n field(s)</source>
        <translation>
            <numerusform>Sin guardar: corrija %n campo</numerusform>
            <numerusform>Sin guardar: corrija %n campos</numerusform>
        </translation>
    </message>
    <message>
        <source>Reload the case</source>
        <translation>Volver a cargar el caso</translation>
    </message>
    <message>
        <source>Show the case as it is stored now?</source>
        <translation>¿Mostrar el caso tal como está guardado ahora?</translation>
    </message>
    <message>
        <source>The changes on screen that are not saved will be dropped.</source>
        <translation>Se descartarán los cambios en pantalla que no estén guardados.</translation>
    </message>
    <message>
        <source>Reload and drop my changes</source>
        <translation>Volver a cargar y descartar mis cambios</translation>
    </message>
    <message>
        <source>Reloaded: the case as stored now.</source>
        <translation>Se volvió a cargar: el caso tal como está guardado ahora.</translation>
    </message>
    <message>
        <source>Submitted for review.</source>
        <translation>Presentado para revisión.</translation>
    </message>
    <message>
        <source>Review recorded.</source>
        <translation>Revisión registrada.</translation>
    </message>
    <message>
        <source>Not recorded: {problem}</source>
        <translation>No se registró: {problem}</translation>
    </message>
    <message>
        <source>The case could not be reopened.</source>
        <translation>No se pudo reabrir el caso.</translation>
    </message>
    <message>
        <source>Reopened for editing: it is a draft again.</source>
        <translation>Reabierto para editar: vuelve a ser un borrador.</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>&amp;Abrir</translation>
    </message>
    <message>
        <source>&amp;Delete draft case…</source>
        <translation>&amp;Eliminar el borrador…</translation>
    </message>
    <message>
        <source>Select the case to delete in the list first.</source>
        <translation>Seleccione primero en la lista el caso que desea eliminar.</translation>
    </message>
    <message>
        <source>Case {case} is {status}: only a draft can be deleted.</source>
        <translation>El caso {case} está en estado «{status}»: solo se puede eliminar un borrador.</translation>
    </message>
    <message>
        <source>no name yet</source>
        <translation>todavía sin nombre</translation>
    </message>
    <message>
        <source>Delete a draft case</source>
        <translation>Eliminar un borrador</translation>
    </message>
    <message>
        <source>Delete the draft case {case} ({name})?</source>
        <translation>¿Eliminar el borrador del caso {case} ({name})?</translation>
    </message>
    <message>
        <source>It is removed from this laptop and cannot be brought back. The audit log keeps a record that you deleted it.</source>
        <translation>Se elimina de esta computadora portátil y no se puede recuperar. El registro de auditoría deja constancia de que usted lo eliminó.</translation>
    </message>
    <message>
        <source>&amp;Delete the case</source>
        <translation>&amp;Eliminar el caso</translation>
    </message>
    <message>
        <source>Deleted the draft case {case}.</source>
        <translation>Se eliminó el borrador del caso {case}.</translation>
    </message>
    <message>
        <source>Not deleted: {problem}</source>
        <translation>No se eliminó: {problem}</translation>
    </message>
    <message numerus="yes">
        <source>%n case(s)</source>
        <translation>
            <numerusform>%n caso</numerusform>
            <numerusform>%n casos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{shown} of %n case(s)</source>
        <translation>
            <numerusform>{shown} de %n caso</numerusform>
            <numerusform>{shown} de %n casos</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ChangePassphraseDialog</name>
    <message>
        <source>Change passphrase</source>
        <translation>Cambiar la frase de contraseña</translation>
    </message>
    <message>
        <source>&amp;Current passphrase</source>
        <translation>Frase de contraseña &amp;actual</translation>
    </message>
    <message>
        <source>&amp;New passphrase</source>
        <translation>&amp;Nueva frase de contraseña</translation>
    </message>
    <message>
        <source>&amp;Repeat new passphrase</source>
        <translation>&amp;Repita la nueva frase de contraseña</translation>
    </message>
    <message>
        <source>Enter your current passphrase.</source>
        <translation>Escriba su frase de contraseña actual.</translation>
    </message>
    <message>
        <source>The two passphrases differ.</source>
        <translation>Las dos frases de contraseña no coinciden.</translation>
    </message>
</context>
<context>
    <name>CopyForDialog</name>
    <message>
        <source>Copy for a recipient</source>
        <translation>Copia para un destinatario</translation>
    </message>
    <message>
        <source>&amp;Recipient type:</source>
        <translation>&amp;Tipo de destinatario:</translation>
    </message>
    <message>
        <source>Recipient&apos;s &amp;name:</source>
        <translation>&amp;Nombre del destinatario:</translation>
    </message>
    <message>
        <source>Make the &amp;copy</source>
        <translation>&amp;Hacer la copia</translation>
    </message>
    <message>
        <source>The disclosure is logged on the case when the copy is printed or saved.</source>
        <translation>La divulgación queda registrada en el caso cuando la copia se imprime o se guarda.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Casefile — DEMO (fictional cases)</source>
        <translation>Casefile — DEMOSTRACIÓN (casos ficticios)</translation>
    </message>
    <message>
        <source>Casefile</source>
        <translation>Casefile</translation>
    </message>
    <message>
        <source>Casefile is locked.</source>
        <translation>Casefile está bloqueado.</translation>
    </message>
    <message>
        <source>&amp;Unlock…</source>
        <translation>&amp;Desbloquear…</translation>
    </message>
    <message>
        <source>DEMO — every case here is fictional, and the passphrase is public. Do not enter real case data.</source>
        <translation>DEMOSTRACIÓN: todos los casos aquí son ficticios y la frase de contraseña es pública. No introduzca datos de casos reales.</translation>
    </message>
    <message>
        <source>Demo</source>
        <translation>Demostración</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Archivo</translation>
    </message>
    <message>
        <source>&amp;New case</source>
        <translation>&amp;Nuevo caso</translation>
    </message>
    <message>
        <source>&amp;Find</source>
        <translation>&amp;Buscar</translation>
    </message>
    <message>
        <source>&amp;Lock</source>
        <translation>B&amp;loquear</translation>
    </message>
    <message>
        <source>&amp;Print memo…</source>
        <translation>&amp;Imprimir el memorando…</translation>
    </message>
    <message>
        <source>&amp;Verify a memo…</source>
        <translation>&amp;Verificar un memorando…</translation>
    </message>
    <message>
        <source>Co&amp;mpare policy versions…</source>
        <translation>Co&amp;mparar versiones de la política…</translation>
    </message>
    <message>
        <source>Re-assess &amp;under another policy version…</source>
        <translation>Volver a &amp;evaluar según otra versión de la política…</translation>
    </message>
    <message>
        <source>P&amp;references…</source>
        <translation>P&amp;referencias…</translation>
    </message>
    <message>
        <source>Change pass&amp;phrase…</source>
        <translation>Cambiar la &amp;frase de contraseña…</translation>
    </message>
    <message>
        <source>&amp;Delete draft case…</source>
        <translation>Eliminar el borra&amp;dor…</translation>
    </message>
    <message>
        <source>Delete the draft case selected in the list (Delete in the list)</source>
        <translation>Eliminar el borrador seleccionado en la lista (Supr en la lista)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Salir</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>A&amp;yuda</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Atajos de teclado</translation>
    </message>
    <message>
        <source>&amp;About Casefile</source>
        <translation>A&amp;cerca de Casefile</translation>
    </message>
    <message>
        <source>New case (Ctrl+N)</source>
        <translation>Nuevo caso (Ctrl+N)</translation>
    </message>
    <message>
        <source>Lock Casefile (Ctrl+L)</source>
        <translation>Bloquear Casefile (Ctrl+L)</translation>
    </message>
    <message>
        <source>The store could not be created.</source>
        <translation>No se pudo crear el almacén.</translation>
    </message>
    <message>
        <source>Store: {folder}</source>
        <translation>Almacén: {folder}</translation>
    </message>
    <message>
        <source>Demo passphrase: {passphrase}</source>
        <translation>Frase de contraseña de demostración: {passphrase}</translation>
    </message>
    <message>
        <source>The store could not be opened.</source>
        <translation>No se pudo abrir el almacén.</translation>
    </message>
    <message>
        <source>Unlocked · {officer} · {office}</source>
        <translation>Desbloqueado · {officer} · {office}</translation>
    </message>
    <message>
        <source>The audit log failed its check: {problem}. Your cases are unaffected; tell office IT (casefile audit verify names the entry).</source>
        <translation>El registro de auditoría no superó su verificación: {problem}. Sus casos no se ven afectados; avise al personal de informática de la oficina (casefile audit verify indica la entrada).</translation>
    </message>
    <message>
        <source>Check the case store</source>
        <translation>Revise el almacén de casos</translation>
    </message>
    <message>
        <source>The case store needs attention: see the message.</source>
        <translation>El almacén de casos requiere atención: vea el mensaje.</translation>
    </message>
    <message>
        <source>Backed up the case store.</source>
        <translation>Se hizo una copia de seguridad del almacén de casos.</translation>
    </message>
    <message>
        <source>The scheduled backup failed: {problem}</source>
        <translation>Falló la copia de seguridad programada: {problem}</translation>
    </message>
    <message>
        <source>Open a case to print its memo.</source>
        <translation>Abra un caso para imprimir su memorando.</translation>
    </message>
    <message>
        <source>Open a case with an assessment to re-assess it.</source>
        <translation>Abra un caso con una evaluación para volver a evaluarlo.</translation>
    </message>
    <message>
        <source>Not re-assessed: {problem}.</source>
        <translation>No se volvió a evaluar: {problem}.</translation>
    </message>
    <message>
        <source>Re-assessed under {title} ({version}): the checklist shows what to answer again.</source>
        <translation>Evaluado de nuevo según {title} ({version}): la lista de verificación muestra lo que hay que volver a responder.</translation>
    </message>
    <message>
        <source>Verify a memo, or scans of a paper copy</source>
        <translation>Verificar un memorando o los escaneos de una copia en papel</translation>
    </message>
    <message>
        <source>Memos and scans (*.pdf *.png *.jpg *.jpeg)</source>
        <translation>Memorandos y escaneos (*.pdf *.png *.jpg *.jpeg)</translation>
    </message>
    <message>
        <source>{file} cannot be read: {problem}.</source>
        <translation>No se puede leer {file}: {problem}.</translation>
    </message>
    <message numerus="yes">
        <source>%n file(s)</source>
        <translation>
            <numerusform>%n archivo</numerusform>
            <numerusform>%n archivos</numerusform>
        </translation>
    </message>
    <message>
        <source>Passphrase changed.</source>
        <translation>Se cambió la frase de contraseña.</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>Cambios sin guardar</translation>
    </message>
    <message>
        <source>Quit anyway and lose those changes?</source>
        <translation>¿Salir de todos modos y perder esos cambios?</translation>
    </message>
    <message>
        <source>Keep editing</source>
        <translation>Seguir editando</translation>
    </message>
    <message>
        <source>Quit and lose changes</source>
        <translation>Salir y perder los cambios</translation>
    </message>
</context>
<context>
    <name>MemoPreviewDialog</name>
    <message>
        <source>Decision memo — {case} — copy for {recipient}</source>
        <translation>Memorando de decisión — {case} — copia para {recipient}</translation>
    </message>
    <message>
        <source>Decision memo — {case}</source>
        <translation>Memorando de decisión — {case}</translation>
    </message>
    <message>
        <source>Memo preview</source>
        <translation>Vista previa del memorando</translation>
    </message>
    <message>
        <source>◀ &amp;Previous</source>
        <translation>◀ &amp;Anterior</translation>
    </message>
    <message>
        <source>&amp;Next ▶</source>
        <translation>&amp;Siguiente ▶</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>&amp;Imprimir…</translation>
    </message>
    <message>
        <source>&amp;Save as PDF…</source>
        <translation>&amp;Guardar como PDF…</translation>
    </message>
    <message>
        <source>C&amp;opy for a recipient…</source>
        <translation>&amp;Copia para un destinatario…</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>C&amp;errar</translation>
    </message>
    <message>
        <source>Page {page} of {pages}</source>
        <translation>Página {page} de {pages}</translation>
    </message>
    <message>
        <source>Sending the memo to the printer…</source>
        <translation>Enviando el memorando a la impresora…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Save memo as PDF</source>
        <translation>Guardar el memorando como PDF</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>Archivos PDF (*.pdf)</translation>
    </message>
</context>
<context>
    <name>PolicyDiffDialog</name>
    <message>
        <source>policy</source>
        <translation>política</translation>
    </message>
    <message>
        <source>windows</source>
        <translation>períodos</translation>
    </message>
    <message>
        <source>category</source>
        <translation>categoría</translation>
    </message>
    <message>
        <source>prong</source>
        <translation>criterio</translation>
    </message>
    <message>
        <source>cutoff</source>
        <translation>fecha límite</translation>
    </message>
    <message>
        <source>question</source>
        <translation>pregunta</translation>
    </message>
    <message>
        <source>option</source>
        <translation>opción</translation>
    </message>
    <message>
        <source>factor kind</source>
        <translation>tipo de factor</translation>
    </message>
    <message>
        <source>factor</source>
        <translation>factor</translation>
    </message>
    <message>
        <source>never-factor</source>
        <translation>factor prohibido</translation>
    </message>
    <message>
        <source>record</source>
        <translation>antecedente</translation>
    </message>
    <message>
        <source>determination</source>
        <translation>determinación</translation>
    </message>
    <message>
        <source>section</source>
        <translation>sección</translation>
    </message>
    <message>
        <source>wording</source>
        <translation>redacción</translation>
    </message>
    <message>
        <source>No differences.</source>
        <translation>No hay diferencias.</translation>
    </message>
    <message>
        <source>Re-assess under another policy version</source>
        <translation>Volver a evaluar según otra versión de la política</translation>
    </message>
    <message>
        <source>Compare policy versions</source>
        <translation>Comparar versiones de la política</translation>
    </message>
    <message>
        <source>What changed</source>
        <translation>Qué cambió</translation>
    </message>
    <message>
        <source>&amp;From:</source>
        <translation>&amp;De:</translation>
    </message>
    <message>
        <source>&amp;To:</source>
        <translation>&amp;A:</translation>
    </message>
    <message>
        <source>&amp;Re-assess under this version</source>
        <translation>&amp;Volver a evaluar según esta versión</translation>
    </message>
    <message>
        <source>Answers whose question is the same in both versions carry over; every other one is marked for you to answer again, with what you had said. The assessment keeps a record of the version it came from.</source>
        <translation>Las respuestas cuya pregunta es igual en ambas versiones se conservan; todas las demás quedan marcadas para que las responda de nuevo, junto con lo que había respondido. La evaluación deja constancia de la versión de la que proviene.</translation>
    </message>
</context>
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
        <translation>Por &amp;conducto de</translation>
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
    <name>ProfileSetupDialog</name>
    <message>
        <source>Field officer</source>
        <translation>Oficial de campo</translation>
    </message>
    <message>
        <source>Supervisor</source>
        <translation>Supervisor</translation>
    </message>
    <message>
        <source>Set up Casefile</source>
        <translation>Configurar Casefile</translation>
    </message>
    <message>
        <source>Casefile keeps your case files encrypted on this computer. Enter your details and choose a passphrase. Your store will be created in:
{folder}

There is no way to recover the cases without the passphrase, so choose one you will remember.</source>
        <translation>Casefile guarda sus expedientes cifrados en esta computadora. Escriba sus datos y elija una frase de contraseña. Su almacén se creará en:
{folder}

No hay manera de recuperar los casos sin la frase de contraseña, así que elija una que vaya a recordar.</translation>
    </message>
    <message>
        <source>A field officer records and submits cases; a supervisor also reviews the cases other officers submit.</source>
        <translation>Un oficial de campo registra y presenta casos; un supervisor además revisa los casos que presentan otros oficiales.</translation>
    </message>
    <message>
        <source>Officer &amp;name</source>
        <translation>&amp;Nombre del oficial</translation>
    </message>
    <message>
        <source>Officer &amp;ID</source>
        <translation>&amp;Identificación del oficial</translation>
    </message>
    <message>
        <source>&amp;Office</source>
        <translation>&amp;Oficina</translation>
    </message>
    <message>
        <source>Ro&amp;le</source>
        <translation>F&amp;unción</translation>
    </message>
    <message>
        <source>&amp;Passphrase</source>
        <translation>&amp;Frase de contraseña</translation>
    </message>
    <message>
        <source>&amp;Repeat passphrase</source>
        <translation>&amp;Repita la frase de contraseña</translation>
    </message>
    <message>
        <source>Create store</source>
        <translation>Crear el almacén</translation>
    </message>
    <message>
        <source>Enter your name.</source>
        <translation>Escriba su nombre.</translation>
    </message>
    <message>
        <source>Enter your officer ID.</source>
        <translation>Escriba su identificación de oficial.</translation>
    </message>
    <message>
        <source>Enter your office.</source>
        <translation>Escriba su oficina.</translation>
    </message>
    <message>
        <source>The two passphrases differ.</source>
        <translation>Las dos frases de contraseña no coinciden.</translation>
    </message>
</context>
<context>
    <name>ReopenDialog</name>
    <message>
        <source>Reopen for editing</source>
        <translation>Reabrir para editar</translation>
    </message>
    <message>
        <source>Case {case} is {status}. Reopening it makes it a draft again: it can be edited, and it has to be submitted again.

The reason is kept in the case&apos;s history and in the audit log.</source>
        <translation>El caso {case} está en estado «{status}». Al reabrirlo vuelve a ser un borrador: se puede editar y hay que presentarlo de nuevo.

El motivo se guarda en el historial del caso y en el registro de auditoría.</translation>
    </message>
    <message>
        <source>Case {case} is {status}. Reopening it makes it a draft again: it can be edited, and it has to be submitted and reviewed again.

The reason is kept in the case&apos;s history and in the audit log.</source>
        <translation>El caso {case} está en estado «{status}». Al reabrirlo vuelve a ser un borrador: se puede editar y hay que presentarlo y revisarlo de nuevo.

El motivo se guarda en el historial del caso y en el registro de auditoría.</translation>
    </message>
    <message>
        <source>Why does this case need changes? (for example: the court record arrived)</source>
        <translation>¿Por qué necesita cambios este caso? (por ejemplo: llegó el expediente judicial)</translation>
    </message>
    <message>
        <source>Optional: the supervisor&apos;s comment is reason enough</source>
        <translation>Opcional: el comentario del supervisor es motivo suficiente</translation>
    </message>
    <message>
        <source>&amp;Reason</source>
        <translation>&amp;Motivo</translation>
    </message>
    <message>
        <source>&amp;Reason (optional)</source>
        <translation>&amp;Motivo (opcional)</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Error</translation>
    </message>
    <message>
        <source>Reopen for &amp;editing</source>
        <translation>&amp;Reabrir para editar</translation>
    </message>
    <message>
        <source>Say why the case is reopened: the reason is kept in its history.</source>
        <translation>Indique por qué se reabre el caso: el motivo se guarda en su historial.</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>In the search box: go to the list</source>
        <translation>En el cuadro de búsqueda: ir a la lista</translation>
    </message>
    <message>
        <source>Down</source>
        <translation>Flecha abajo</translation>
    </message>
    <message>
        <source>In the search box: open the first match</source>
        <translation>En el cuadro de búsqueda: abrir el primer resultado</translation>
    </message>
    <message>
        <source>Return</source>
        <translation>Intro</translation>
    </message>
    <message>
        <source>In the search box: clear the search</source>
        <translation>En el cuadro de búsqueda: borrar la búsqueda</translation>
    </message>
    <message>
        <source>Esc</source>
        <translation>Esc</translation>
    </message>
    <message>
        <source>In the list: move between cases (the case opens when you stop)</source>
        <translation>En la lista: pasar de un caso a otro (el caso se abre cuando se detiene)</translation>
    </message>
    <message>
        <source>Up, Down, Page Up, Page Down</source>
        <translation>Flecha arriba, Flecha abajo, Re Pág, Av Pág</translation>
    </message>
    <message>
        <source>In the list: open the selected case now</source>
        <translation>En la lista: abrir ya el caso seleccionado</translation>
    </message>
    <message>
        <source>In the list: delete the selected draft case</source>
        <translation>En la lista: eliminar el borrador seleccionado</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Supr</translation>
    </message>
    <message>
        <source>In the list: the case&apos;s menu</source>
        <translation>En la lista: el menú del caso</translation>
    </message>
    <message>
        <source>Menu key or Shift+F10</source>
        <translation>Tecla de menú o Mayús+F10</translation>
    </message>
    <message>
        <source>Next or previous tab of the case</source>
        <translation>Pestaña siguiente o anterior del caso</translation>
    </message>
    <message>
        <source>Ctrl+Tab, Ctrl+Shift+Tab</source>
        <translation>Ctrl+Tab, Ctrl+Mayús+Tab</translation>
    </message>
    <message>
        <source>Go to a field or tab by its underlined letter</source>
        <translation>Ir a un campo o pestaña por su letra subrayada</translation>
    </message>
    <message>
        <source>Alt+letter</source>
        <translation>Alt+letra</translation>
    </message>
    <message>
        <source>Next or previous field</source>
        <translation>Campo siguiente o anterior</translation>
    </message>
    <message>
        <source>Tab, Shift+Tab</source>
        <translation>Tab, Mayús+Tab</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Atajos de teclado</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Acción</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Teclas</translation>
    </message>
</context>
<context>
    <name>Startup</name>
    <message>
        <source>Store: {folder}</source>
        <translation>Almacén: {folder}</translation>
    </message>
</context>
<context>
    <name>UnlockDialog</name>
    <message>
        <source>Unlock Casefile</source>
        <translation>Desbloquear Casefile</translation>
    </message>
    <message>
        <source>Enter the passphrase for {who}.</source>
        <translation>Escriba la frase de contraseña de {who}.</translation>
    </message>
    <message>
        <source>Enter your passphrase.</source>
        <translation>Escriba su frase de contraseña.</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Frase de contraseña</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Error</translation>
    </message>
    <message>
        <source>Unlocking</source>
        <translation>Desbloqueando</translation>
    </message>
    <message>
        <source>&amp;Unlock</source>
        <translation>&amp;Desbloquear</translation>
    </message>
    <message>
        <source>&amp;Quit Casefile</source>
        <translation>&amp;Salir de Casefile</translation>
    </message>
    <message>
        <source>Wait {seconds} s</source>
        <translation>Espere {seconds} s</translation>
    </message>
</context>
<context>
    <name>VerifyResultDialog</name>
    <message>
        <source>The memo matches the store</source>
        <translation>El memorando coincide con el almacén</translation>
    </message>
    <message>
        <source>Printed from an older revision</source>
        <translation>Impreso a partir de una revisión anterior</translation>
    </message>
    <message>
        <source>This store does not know the memo</source>
        <translation>Este almacén no conoce el memorando</translation>
    </message>
    <message>
        <source>Not signed by this profile</source>
        <translation>No está firmado por este perfil</translation>
    </message>
    <message>
        <source>Changed after it was printed</source>
        <translation>Modificado después de imprimirse</translation>
    </message>
    <message>
        <source>Pages are missing or come from another memo</source>
        <translation>Faltan páginas o provienen de otro memorando</translation>
    </message>
    <message>
        <source>match</source>
        <translation>coincide</translation>
    </message>
    <message>
        <source>superseded</source>
        <translation>reemplazado</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>desconocido</translation>
    </message>
    <message>
        <source>forged</source>
        <translation>falsificado</translation>
    </message>
    <message>
        <source>altered</source>
        <translation>alterado</translation>
    </message>
    <message>
        <source>incomplete</source>
        <translation>incompleto</translation>
    </message>
    <message>
        <source>Memo {status} — {source}</source>
        <translation>Memorando: {status} — {source}</translation>
    </message>
    <message>
        <source>Memo {status}</source>
        <translation>Memorando: {status}</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Resultado</translation>
    </message>
    <message>
        <source>Scanned page</source>
        <translation>Página escaneada</translation>
    </message>
    <message>
        <source>Page as stored</source>
        <translation>Página tal como está guardada</translation>
    </message>
    <message>
        <source>◀ &amp;Previous scanned page</source>
        <translation>◀ Página escaneada &amp;anterior</translation>
    </message>
    <message>
        <source>&amp;Next scanned page ▶</source>
        <translation>Página escaneada &amp;siguiente ▶</translation>
    </message>
    <message>
        <source>Scanned: {source} ({note})</source>
        <translation>Escaneado: {source} ({note})</translation>
    </message>
    <message>
        <source>As stored: no page to compare</source>
        <translation>Tal como está guardado: no hay página para comparar</translation>
    </message>
    <message>
        <source>This scanned page is not a page of this memo: {note}.</source>
        <translation>Esta página escaneada no es una página de este memorando: {note}.</translation>
    </message>
    <message>
        <source>As stored: page {page}</source>
        <translation>Tal como está guardado: página {page}</translation>
    </message>
    <message>
        <source>The stored memo cannot be shown: this store cannot render it again.</source>
        <translation>No se puede mostrar el memorando guardado: este almacén no puede volver a generarlo.</translation>
    </message>
    <message>
        <source>As stored: page {page} of {pages}</source>
        <translation>Tal como está guardado: página {page} de {pages}</translation>
    </message>
    <message>
        <source>Scanned page {page} of {pages}</source>
        <translation>Página escaneada {page} de {pages}</translation>
    </message>
</context>
<context>
    <name>casework</name>
    <message>
        <source>Draft</source>
        <translation>Borrador</translation>
    </message>
    <message>
        <source>Submitted</source>
        <translation>Presentado</translation>
    </message>
    <message>
        <source>Concurred</source>
        <translation>Conforme</translation>
    </message>
    <message>
        <source>Returned</source>
        <translation>Devuelto</translation>
    </message>
    <message>
        <source>Non-concurred</source>
        <translation>No conforme</translation>
    </message>
    <message>
        <source>Not recorded</source>
        <translation>No consta</translation>
    </message>
    <message>
        <source>Referral from a law-enforcement agency</source>
        <translation>Remisión de un organismo policial</translation>
    </message>
    <message>
        <source>Transfer from jail or prison custody</source>
        <translation>Traslado desde la custodia de una cárcel o prisión</translation>
    </message>
    <message>
        <source>Apprehension at or near the border</source>
        <translation>Aprehensión en la frontera o cerca de ella</translation>
    </message>
    <message>
        <source>Encounter at a port of entry</source>
        <translation>Encuentro en un puerto de entrada</translation>
    </message>
    <message>
        <source>Database result</source>
        <translation>Resultado de una base de datos</translation>
    </message>
    <message>
        <source>Tip from a member of the public</source>
        <translation>Aviso de un particular</translation>
    </message>
    <message>
        <source>Tip from an employer</source>
        <translation>Aviso de un empleador</translation>
    </message>
    <message>
        <source>Tip from a landlord</source>
        <translation>Aviso de un arrendador</translation>
    </message>
    <message>
        <source>At or connected to a protest or demonstration</source>
        <translation>En una protesta o manifestación, o en relación con ella</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Otro</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Desconocido</translation>
    </message>
    <message>
        <source>Inspected and admitted</source>
        <translation>Inspeccionado y admitido</translation>
    </message>
    <message>
        <source>Paroled</source>
        <translation>Con permiso de permanencia temporal (parole)</translation>
    </message>
    <message>
        <source>Entered without inspection</source>
        <translation>Entró sin inspección</translation>
    </message>
    <message>
        <source>Admitted; overstayed</source>
        <translation>Admitido; permaneció más tiempo del autorizado</translation>
    </message>
    <message>
        <source>At the border, attempting to enter unlawfully</source>
        <translation>En la frontera, al intentar entrar ilegalmente</translation>
    </message>
    <message>
        <source>At a port of entry, attempting to enter unlawfully</source>
        <translation>En un puerto de entrada, al intentar entrar ilegalmente</translation>
    </message>
    <message>
        <source>In the interior of the United States</source>
        <translation>En el interior de Estados Unidos</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>Pendiente</translation>
    </message>
    <message>
        <source>Convicted</source>
        <translation>Condenado</translation>
    </message>
    <message>
        <source>Acquitted</source>
        <translation>Absuelto</translation>
    </message>
    <message>
        <source>Dismissed</source>
        <translation>Desestimado</translation>
    </message>
    <message>
        <source>Vacated</source>
        <translation>Anulado</translation>
    </message>
    <message>
        <source>Expunged</source>
        <translation>Eliminado del expediente</translation>
    </message>
</context>
<context>
    <name>show_error</name>
    <message>
        <source>Something went wrong</source>
        <translation>Algo salió mal</translation>
    </message>
    <message>
        <source>Casefile hit an unexpected problem. Your saved work is safe; the last change may not have been saved. The details have been written to the log.</source>
        <translation>Casefile encontró un problema inesperado. Su trabajo guardado está a salvo; es posible que el último cambio no se haya guardado. Los detalles se escribieron en el registro.</translation>
    </message>
</context>
</TS>
