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
    <name>AssessmentEdit</name>
    <message>
        <source>— not answered —</source>
        <translation>— sin responder —</translation>
    </message>
    <message>
        <source>Policy status</source>
        <translation>Estado de la política</translation>
    </message>
    <message>
        <source>Assessed under: {title} ({issuer}, signed {signed}, version {version}).</source>
        <translation>Evaluado según: {title} ({issuer}, firmada el {signed}, versión {version}).</translation>
    </message>
    <message>
        <source>Assess&amp;ment date</source>
        <translation>Fe&amp;cha de la evaluación</translation>
    </message>
    <message>
        <source>The date the assessment is made; the policy in force on it applies</source>
        <translation>La fecha en que se hace la evaluación; se aplica la política vigente en esa fecha</translation>
    </message>
    <message>
        <source>— not chosen —</source>
        <translation>— sin elegir —</translation>
    </message>
    <message>
        <source>&amp;Determination</source>
        <translation>Determ&amp;inación</translation>
    </message>
    <message>
        <source>The officer&apos;s decision; the software never decides</source>
        <translation>La decisión del oficial; el programa nunca decide</translation>
    </message>
    <message>
        <source>Determination detail</source>
        <translation>Detalle de la determinación</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>Detalle</translation>
    </message>
    <message>
        <source>Rationale</source>
        <translation>Justificación</translation>
    </message>
    <message>
        <source>Why, on the totality of the facts; address every factor found present</source>
        <translation>Por qué, según la totalidad de los hechos; trate cada factor que se haya encontrado presente</translation>
    </message>
    <message>
        <source>Rationa&amp;le</source>
        <translation>&amp;Justificación</translation>
    </message>
    <message>
        <source>Never factors</source>
        <translation>Factores prohibidos</translation>
    </message>
    <message>
        <source>Attestation</source>
        <translation>Declaración</translation>
    </message>
    <message>
        <source>Civil-rights attestation: {never_factors} shall never be factors</source>
        <translation>Declaración sobre derechos civiles: {never_factors} nunca serán factores</translation>
    </message>
    <message>
        <source>Reviewed: {record}</source>
        <translation>Revisado: {record}</translation>
    </message>
    <message>
        <source>Not enough on its own: review the full record too</source>
        <translation>No basta por sí solo: revise también el expediente completo</translation>
    </message>
    <message>
        <source>Records re&amp;viewed</source>
        <translation>&amp;Registros revisados</translation>
    </message>
    <message>
        <source>Obtain and review the entire criminal and administrative record, aggravating and mitigating</source>
        <translation>Obtenga y revise todos los antecedentes penales y administrativos, agravantes y atenuantes</translation>
    </message>
    <message>
        <source>Records note</source>
        <translation>Nota sobre los registros</translation>
    </message>
    <message>
        <source>Which records, from where, and what could not be obtained</source>
        <translation>Qué registros, de dónde y qué no se pudo obtener</translation>
    </message>
    <message>
        <source>Cutoff hint</source>
        <translation>Indicación sobre la fecha límite</translation>
    </message>
    <message>
        <source>{label}: finding</source>
        <translation>{label}: conclusión</translation>
    </message>
    <message>
        <source>{label}: basis</source>
        <translation>{label}: fundamento</translation>
    </message>
    <message>
        <source>The facts this finding rests on</source>
        <translation>Los hechos en que se basa esta conclusión</translation>
    </message>
    <message>
        <source>{label}: evidence</source>
        <translation>{label}: pruebas</translation>
    </message>
    <message>
        <source>Documents, reports, records</source>
        <translation>Documentos, informes, registros</translation>
    </message>
    <message>
        <source>Finding</source>
        <translation>Conclusión</translation>
    </message>
    <message>
        <source>Basis</source>
        <translation>Fundamento</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>Pruebas</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Fuente</translation>
    </message>
    <message>
        <source>{label}: source</source>
        <translation>{label}: fuente</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>— choose —</source>
        <translation>— elija —</translation>
    </message>
    <message>
        <source>Other factor</source>
        <translation>Otro factor</translation>
    </message>
    <message>
        <source>other factor</source>
        <translation>otro factor</translation>
    </message>
    <message>
        <source>Othe&amp;r factors</source>
        <translation>Otros fac&amp;tores</translation>
    </message>
    <message>
        <source>The lists are examples, not exhaustive: add any other factor</source>
        <translation>Las listas son ejemplos, no son exhaustivas: añada cualquier otro factor</translation>
    </message>
    <message>
        <source>YYYY-MM-DD</source>
        <translation>AAAA-MM-DD</translation>
    </message>
    <message>
        <source>Cutoff for {prong}: the encounter date after {day}.</source>
        <translation>Fecha límite para {prong}: fecha del encuentro posterior al {day}.</translation>
    </message>
    <message>
        <source>Cutoff for {prong}: the encounter date on or after {day}.</source>
        <translation>Fecha límite para {prong}: fecha del encuentro el {day} o después.</translation>
    </message>
    <message>
        <source>Needs review: acknowledge it in the checklist.</source>
        <translation>Requiere revisión: deje constancia en la lista de verificación.</translation>
    </message>
    <message>
        <source>Cutoff: after {cut}. The last entry date is not recorded.</source>
        <translation>Fecha límite: posterior al {cut}. No consta la fecha de la última entrada.</translation>
    </message>
    <message>
        <source>Cutoff: on or after {cut}. The last entry date is not recorded.</source>
        <translation>Fecha límite: el {cut} o después. No consta la fecha de la última entrada.</translation>
    </message>
    <message>
        <source>The last entry ({value}) is exactly the cutoff date {cut} (does not qualify as “after”).</source>
        <translation>La última entrada ({value}) coincide exactamente con la fecha límite, {cut} (no cumple la condición «posterior a»).</translation>
    </message>
    <message>
        <source>The last entry ({value}) is exactly the cutoff date {cut} (qualifies as “on or after”).</source>
        <translation>La última entrada ({value}) coincide exactamente con la fecha límite, {cut} (cumple la condición «en esa fecha o después»).</translation>
    </message>
    <message>
        <source>The last entry ({value}) is after the cutoff of {cut}.</source>
        <translation>La última entrada ({value}) es posterior a la fecha límite del {cut}.</translation>
    </message>
    <message>
        <source>The last entry ({value}) is on or after the cutoff of {cut}.</source>
        <translation>La última entrada ({value}) es del día de la fecha límite ({cut}) o posterior.</translation>
    </message>
    <message>
        <source>The last entry ({value}) is not after the cutoff of {cut}.</source>
        <translation>La última entrada ({value}) no es posterior a la fecha límite del {cut}.</translation>
    </message>
    <message>
        <source>The last entry ({value}) is not on or after the cutoff of {cut}.</source>
        <translation>La última entrada ({value}) es anterior a la fecha límite del {cut}.</translation>
    </message>
    <message>
        <source>The last entry ({value}, month only) may fall either side of the cutoff of {cut}.</source>
        <translation>La última entrada ({value}; solo se conoce el mes) puede quedar antes o después de la fecha límite del {cut}.</translation>
    </message>
    <message>
        <source>The last entry ({value}, year only) may fall either side of the cutoff of {cut}.</source>
        <translation>La última entrada ({value}; solo se conoce el año) puede quedar antes o después de la fecha límite del {cut}.</translation>
    </message>
    <message>
        <source>{title} ({version}) was {status}. Check which guidance applied on the assessment date.</source>
        <translation>{title} ({version}): {status}. Compruebe qué directrices se aplicaban en la fecha de la evaluación.</translation>
    </message>
    <message>
        <source>{title} ({version}) was in force on {day}.</source>
        <translation>{title} ({version}) estaba vigente el {day}.</translation>
    </message>
</context>
<context>
    <name>AssessmentPanel</name>
    <message>
        <source>Which policy applies</source>
        <translation>Qué política se aplica</translation>
    </message>
    <message>
        <source>Policy to assess under</source>
        <translation>Política según la cual evaluar</translation>
    </message>
    <message>
        <source>— choose the policy —</source>
        <translation>— elija la política —</translation>
    </message>
    <message>
        <source>&amp;Policy:</source>
        <translation>Po&amp;lítica:</translation>
    </message>
    <message>
        <source>Start the assess&amp;ment</source>
        <translation>Empe&amp;zar la evaluación</translation>
    </message>
    <message>
        <source>Assessment form</source>
        <translation>Formulario de evaluación</translation>
    </message>
    <message>
        <source>Assessment status</source>
        <translation>Estado de la evaluación</translation>
    </message>
    <message>
        <source>Acknowledge the selected item</source>
        <translation>Constancia del punto elegido</translation>
    </message>
    <message>
        <source>Select an item marked ✎ to acknowledge it with a note.</source>
        <translation>Seleccione un punto marcado con ✎ para dejar constancia de él con una nota.</translation>
    </message>
    <message>
        <source>Acknowledgement note</source>
        <translation>Nota de constancia</translation>
    </message>
    <message>
        <source>What you reviewed, and why it stands (“mentioned only as …”)</source>
        <translation>Qué revisó y por qué se mantiene («mencionado solo como…»)</translation>
    </message>
    <message>
        <source>Ac&amp;knowledge</source>
        <translation>Confir&amp;mar</translation>
    </message>
    <message>
        <source>Su&amp;bmit for review</source>
        <translation>Pre&amp;sentar para revisión</translation>
    </message>
    <message>
        <source>Supervisor review</source>
        <translation>Revisión del supervisor</translation>
    </message>
    <message>
        <source>Review comment</source>
        <translation>Comentario de la revisión</translation>
    </message>
    <message>
        <source>Comment (required to return or not concur)</source>
        <translation>Comentario (obligatorio para devolver o para no dar la conformidad)</translation>
    </message>
    <message>
        <source>Concur</source>
        <translation>Conforme</translation>
    </message>
    <message>
        <source>Return</source>
        <translation>Devolver</translation>
    </message>
    <message>
        <source>Non-concur</source>
        <translation>No conforme</translation>
    </message>
    <message>
        <source>You submitted this case, so you cannot review it: a supervisor other than the submitting officer must.</source>
        <translation>Usted presentó este caso, así que no puede revisarlo: debe hacerlo un supervisor distinto del oficial que lo presentó.</translation>
    </message>
    <message>
        <source>Why review is not possible</source>
        <translation>Por qué no es posible la revisión</translation>
    </message>
    <message>
        <source>Still to address (click to go there):</source>
        <translation>Pendiente (haga clic para ir allí):</translation>
    </message>
    <message>
        <source>Checklist and actions</source>
        <translation>Lista de verificación y acciones</translation>
    </message>
    <message>
        <source>Hide the checklist</source>
        <translation>Ocultar la lista de verificación</translation>
    </message>
    <message>
        <source>Show or hide the checklist pane</source>
        <translation>Mostrar u ocultar el panel de la lista de verificación</translation>
    </message>
    <message>
        <source>Give the form the whole width on a small screen</source>
        <translation>Dar al formulario todo el ancho en una pantalla pequeña</translation>
    </message>
    <message>
        <source>Policy translation</source>
        <translation>Traducción de la política</translation>
    </message>
    <message>
        <source>Show the checklist</source>
        <translation>Mostrar la lista de verificación</translation>
    </message>
    <message>
        <source>The encounter date is not recorded, so no policy is proposed: record the date of the encounter, or choose the policy to assess under.</source>
        <translation>No consta la fecha del encuentro, así que no se propone ninguna política: anote la fecha del encuentro o elija la política según la cual evaluar.</translation>
    </message>
    <message>
        <source>{title} ({version}) was in force on {day}, the date of the encounter.</source>
        <translation>{title} ({version}) estaba vigente el {day}, fecha del encuentro.</translation>
    </message>
    <message>
        <source>Choose the policy to assess under before starting.</source>
        <translation>Elija la política según la cual evaluar antes de empezar.</translation>
    </message>
    <message>
        <source>The assessment under {title} ({version}) has not been started.</source>
        <translation>La evaluación según {title} ({version}) no se ha empezado.</translation>
    </message>
    <message>
        <source>Mentioned only as </source>
        <translation>Mencionado solo como </translation>
    </message>
    <message>
        <source>Update the note</source>
        <translation>Actualizar la nota</translation>
    </message>
    <message>
        <source>This assessment cannot be shown: {problem}. It is kept unchanged; open it with a version of Casefile that has this policy.</source>
        <translation>No se puede mostrar esta evaluación: {problem}. Se conserva sin cambios; ábrala con una versión de Casefile que tenga esta política.</translation>
    </message>
    <message>
        <source>Some of this policy&apos;s text is shown in English: {problems}</source>
        <translation>Parte del texto de esta política se muestra en inglés: {problems}</translation>
    </message>
    <message numerus="yes">
        <source>%n item(s) to address</source>
        <translation>
            <numerusform>%n punto pendiente</numerusform>
            <numerusform>%n puntos pendientes</numerusform>
        </translation>
    </message>
    <message>
        <source>ready to submit</source>
        <translation>lista para presentar</translation>
    </message>
    <message>
        <source>Status: {status}</source>
        <translation>Estado: {status}</translation>
    </message>
</context>
<context>
    <name>AttachmentController</name>
    <message>
        <source>Adding “{name}” ({size})…</source>
        <translation>Añadiendo «{name}» ({size})…</translation>
    </message>
    <message>
        <source>The temporary copy could not be written: {reason}</source>
        <translation>No se pudo escribir la copia temporal: {reason}</translation>
    </message>
    <message>
        <source>No program on this computer opened “{name}” ({kind}); the temporary copy was deleted again. View it in Casefile instead.</source>
        <translation>Ningún programa de esta computadora abrió «{name}» ({kind}); la copia temporal ya se eliminó. Véalo en Casefile.</translation>
    </message>
    <message>
        <source>Remove attachment</source>
        <translation>Quitar el adjunto</translation>
    </message>
    <message>
        <source>Remove “{name}” from this case?</source>
        <translation>¿Quitar «{name}» de este caso?</translation>
    </message>
    <message>
        <source>Earlier revisions of the case, and memos printed from them, still list it; its content stays in the encrypted store for them.</source>
        <translation>Las revisiones anteriores del caso, y los memorandos impresos a partir de ellas, lo siguen incluyendo; su contenido permanece en el almacén cifrado para ellas.</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Quitar</translation>
    </message>
    <message>
        <source>Caption</source>
        <translation>Leyenda</translation>
    </message>
    <message>
        <source>Caption of “{name}” (printed with the exhibits in the memo):</source>
        <translation>Leyenda de «{name}» (se imprime con los anexos en el memorando):</translation>
    </message>
    <message>
        <source>Waiting: {n}.</source>
        <translation>En espera: {n}.</translation>
    </message>
</context>
<context>
    <name>AttachmentOutside</name>
    <message>
        <source>Open in another program</source>
        <translation>Abrir en otro programa</translation>
    </message>
    <message>
        <source>Open “{name}” in another program?</source>
        <translation>¿Abrir «{name}» en otro programa?</translation>
    </message>
    <message>
        <source>Another program can only open a file, so Casefile will write a temporary, unencrypted copy of this attachment to {folder}. It is deleted when you leave this case, lock Casefile or quit. The other program may keep copies of its own (recent files, thumbnails) that Casefile cannot delete.</source>
        <translation>Otro programa solo puede abrir un archivo, así que Casefile escribirá una copia temporal y sin cifrar de este adjunto en {folder}. Se elimina cuando usted sale de este caso, bloquea Casefile o sale del programa. El otro programa puede guardar sus propias copias (archivos recientes, miniaturas) que Casefile no puede eliminar.</translation>
    </message>
    <message>
        <source>Make a temporary copy and open it</source>
        <translation>Hacer una copia temporal y abrirla</translation>
    </message>
</context>
<context>
    <name>AttachmentViewer</name>
    <message>
        <source>Attachment: {name}</source>
        <translation>Adjunto: {name}</translation>
    </message>
    <message>
        <source>About this attachment</source>
        <translation>Acerca de este adjunto</translation>
    </message>
    <message>
        <source>Zoom &amp;in</source>
        <translation>&amp;Acercar</translation>
    </message>
    <message>
        <source>Zoom &amp;out</source>
        <translation>A&amp;lejar</translation>
    </message>
    <message>
        <source>&amp;Fit</source>
        <translation>A&amp;justar</translation>
    </message>
    <message>
        <source>&amp;100%</source>
        <translation>&amp;100 %</translation>
    </message>
    <message>
        <source>Open in another &amp;program…</source>
        <translation>Abrir en otro &amp;programa…</translation>
    </message>
    <message>
        <source>Pages of the document</source>
        <translation>Páginas del documento</translation>
    </message>
    <message>
        <source>This PDF could not be read (it may be damaged or encrypted).</source>
        <translation>No se pudo leer este PDF (puede estar dañado o cifrado).</translation>
    </message>
    <message>
        <source>Picture</source>
        <translation>Imagen</translation>
    </message>
    <message>
        <source>This picture could not be decoded (it may be damaged).</source>
        <translation>No se pudo descodificar esta imagen (puede estar dañada).</translation>
    </message>
    <message>
        <source>Casefile cannot show {kind} files itself. Use “Open in another program…” to see it.</source>
        <translation>Casefile no puede mostrar por sí mismo archivos de tipo {kind}. Use «Abrir en otro programa…» para verlo.</translation>
    </message>
</context>
<context>
    <name>AttachmentsEdit</name>
    <message>
        <source>Attachments</source>
        <translation>Adjuntos</translation>
    </message>
    <message>
        <source>A&amp;dd…</source>
        <translation>A&amp;ñadir…</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>Ve&amp;r</translation>
    </message>
    <message>
        <source>Open in another pro&amp;gram…</source>
        <translation>Abrir en otro progra&amp;ma…</translation>
    </message>
    <message>
        <source>Ca&amp;ption…</source>
        <translation>&amp;Leyenda…</translation>
    </message>
    <message>
        <source>Re&amp;move…</source>
        <translation>&amp;Quitar…</translation>
    </message>
    <message>
        <source>About attachments</source>
        <translation>Acerca de los adjuntos</translation>
    </message>
    <message>
        <source>Attachment progress</source>
        <translation>Progreso de los adjuntos</translation>
    </message>
    <message>
        <source>Type something into the case first; then photos, scans and PDFs can be attached.</source>
        <translation>Escriba primero algo en el caso; después podrá anexar fotos, escaneos y archivos PDF.</translation>
    </message>
    <message>
        <source>This case is not a draft: its attachments cannot change until it is reopened.</source>
        <translation>Este caso no es un borrador: sus adjuntos no pueden cambiar hasta que se reabra.</translation>
    </message>
    <message>
        <source>Add photos, scans (JPEG, PNG, GIF, TIFF, HEIC) and PDF documents up to {limit} each, or drop them on the list. They are kept encrypted inside the case store and listed as exhibits in the memo.</source>
        <translation>Añada fotos, escaneos (JPEG, PNG, GIF, TIFF, HEIC) y documentos PDF de hasta {limit} cada uno, o suéltelos sobre la lista. Se guardan cifrados dentro del almacén de casos y figuran como anexos en el memorando.</translation>
    </message>
    <message>
        <source>Add attachments</source>
        <translation>Añadir adjuntos</translation>
    </message>
    <message>
        <source>Photos, scans and PDFs (*.jpg *.jpeg *.png *.gif *.tif *.tiff *.heic *.heif *.pdf);;All files (*)</source>
        <translation>Fotos, escaneos y PDF (*.jpg *.jpeg *.png *.gif *.tif *.tiff *.heic *.heif *.pdf);;Todos los archivos (*)</translation>
    </message>
    <message>
        <source>Added {when}</source>
        <translation>Añadido el {when}</translation>
    </message>
</context>
<context>
    <name>BackupsDialog</name>
    <message>
        <source>Backups</source>
        <translation>Copias de seguridad</translation>
    </message>
    <message>
        <source>Backups are encrypted with the store&apos;s own key (they hold no plaintext) and checked after writing. They are kept in %1. To keep a copy elsewhere, copy a whole backup folder — it holds its own casefile.keys.</source>
        <translation>Las copias de seguridad se cifran con la propia clave del almacén (no contienen texto sin cifrar) y se verifican después de escribirse. Se guardan en %1. Para guardar una copia en otro lugar, copie la carpeta completa de una copia de seguridad: contiene su propio casefile.keys.</translation>
    </message>
    <message>
        <source>Taken</source>
        <translation>Fecha</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Motivo</translation>
    </message>
    <message>
        <source>Cases</source>
        <translation>Casos</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Tamaño</translation>
    </message>
    <message>
        <source>Checked</source>
        <translation>Verificada</translation>
    </message>
    <message>
        <source>&amp;Backups, newest first</source>
        <translation>&amp;Copias de seguridad, de la más reciente a la más antigua</translation>
    </message>
    <message>
        <source>Back &amp;up now</source>
        <translation>Hacer una copia a&amp;hora</translation>
    </message>
    <message>
        <source>&amp;Restore…</source>
        <translation>&amp;Restaurar…</translation>
    </message>
    <message>
        <source>Put the selected backup in place of the store; the store it replaces is kept aside, whole</source>
        <translation>Poner la copia seleccionada en lugar del almacén; el almacén que reemplaza se guarda aparte, completo</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Progreso</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>&amp;Cancel backup</source>
        <translation>Ca&amp;ncelar la copia</translation>
    </message>
    <message>
        <source>Scheduled backups (one a day, a minute after unlocking)</source>
        <translation>Copias programadas (una al día, un minuto después de desbloquear)</translation>
    </message>
    <message>
        <source> days</source>
        <translation> días</translation>
    </message>
    <message>
        <source> weeks</source>
        <translation> semanas</translation>
    </message>
    <message>
        <source>Keep one a &amp;day for</source>
        <translation>Conservar una al &amp;día durante</translation>
    </message>
    <message>
        <source>then one a &amp;week for</source>
        <translation>y luego una a la &amp;semana durante</translation>
    </message>
    <message>
        <source>Checking the backups…</source>
        <translation>Verificando las copias de seguridad…</translation>
    </message>
    <message>
        <source>Yes: matches its checksum</source>
        <translation>Sí: coincide con su suma de comprobación</translation>
    </message>
    <message numerus="yes">
        <source>%n backup(s).</source>
        <translation>
            <numerusform>%n copia de seguridad.</numerusform>
            <numerusform>%n copias de seguridad.</numerusform>
        </translation>
    </message>
    <message>
        <source>No backups yet.</source>
        <translation>Aún no hay copias de seguridad.</translation>
    </message>
    <message>
        <source>Daily</source>
        <translation>Diaria</translation>
    </message>
    <message>
        <source>By hand</source>
        <translation>Manual</translation>
    </message>
    <message>
        <source>Before an upgrade (from version %1)</source>
        <translation>Antes de una actualización (desde la versión %1)</translation>
    </message>
    <message>
        <source>Backup cancelled; nothing was kept.</source>
        <translation>Copia cancelada; no se guardó nada.</translation>
    </message>
    <message>
        <source>The backups could not be read or written.</source>
        <translation>No se pudieron leer ni escribir las copias de seguridad.</translation>
    </message>
    <message>
        <source>Writing and checking a backup…</source>
        <translation>Escribiendo y verificando una copia de seguridad…</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Cancelando…</translation>
    </message>
    <message>
        <source>Backed up %1 cases to %2 (checked).</source>
        <translation>Se copiaron %1 casos en %2 (verificado).</translation>
    </message>
    <message>
        <source>Restore a backup</source>
        <translation>Restaurar una copia de seguridad</translation>
    </message>
    <message>
        <source>Restore the backup taken %1 (%2 cases)? Casefile closes the store, keeps it aside whole in a replaced-… folder, puts the backup in its place and opens it. Work saved since the backup stays only in the store kept aside.

The passphrase in use when the backup was taken:</source>
        <translation>¿Restaurar la copia de seguridad del %1 (%2 casos)? Casefile cierra el almacén, lo guarda aparte completo en una carpeta replaced-…, pone la copia en su lugar y la abre. El trabajo guardado desde la copia queda solo en el almacén guardado aparte.

La frase de contraseña que se usaba cuando se hizo la copia:</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>Restaurar</translation>
    </message>
</context>
<context>
    <name>CaseEdit</name>
    <message>
        <source>Atta&amp;chments</source>
        <translation>Adj&amp;untos</translation>
    </message>
    <message>
        <source>Not submitted: {problem}. The list shows what is left.</source>
        <translation>No se presentó: {problem}. La lista muestra lo que falta.</translation>
    </message>
    <message>
        <source>Save state</source>
        <translation>Estado de guardado</translation>
    </message>
    <message>
        <source>Sections of the case</source>
        <translation>Secciones del caso</translation>
    </message>
    <message>
        <source>&amp;Subject</source>
        <translation>&amp;Persona</translation>
    </message>
    <message>
        <source>&amp;Encounter</source>
        <translation>&amp;Encuentro</translation>
    </message>
    <message>
        <source>Histor&amp;y</source>
        <translation>&amp;Historial</translation>
    </message>
    <message>
        <source>&amp;Offenses</source>
        <translation>&amp;Delitos</translation>
    </message>
    <message>
        <source>Family and &amp;ties</source>
        <translation>&amp;Familia y vínculos</translation>
    </message>
    <message>
        <source>&amp;Notes</source>
        <translation>&amp;Notas</translation>
    </message>
    <message>
        <source>{section} section</source>
        <translation>Sección {section}</translation>
    </message>
    <message>
        <source>&amp;Assessment</source>
        <translation>E&amp;valuación</translation>
    </message>
    <message>
        <source>New case</source>
        <translation>Caso nuevo</translation>
    </message>
    <message>
        <source>saved {when}</source>
        <translation>guardado {when}</translation>
    </message>
    <message>
        <source>not saved yet</source>
        <translation>aún sin guardar</translation>
    </message>
    <message>
        <source>{status} · revision {revision} · {saved}</source>
        <translation>{status} · revisión {revision} · {saved}</translation>
    </message>
    <message>
        <source>Officer: {name} ({officer_id}), {office}
Created: {when}</source>
        <translation>Oficial: {name} ({officer_id}), {office}
Creado: {when}</translation>
    </message>
    <message>
        <source>Open a draft case with an assessment first.</source>
        <translation>Abra primero un borrador con una evaluación.</translation>
    </message>
    <message>
        <source>Not re-assessed: {problem}.</source>
        <translation>No se volvió a evaluar: {problem}.</translation>
    </message>
    <message numerus="yes">
        <source>%n item(s) must be addressed before submitting</source>
        <translation>
            <numerusform>hay que resolver %n punto antes de presentarlo</numerusform>
            <numerusform>hay que resolver %n puntos antes de presentarlo</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CaseListModel</name>
    <message>
        <source>Case number</source>
        <translation>N.º de caso</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>A-number</source>
        <translation>Número A</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>Actualizado</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>N.º</translation>
    </message>
    <message>
        <source>name</source>
        <translation>nombre</translation>
    </message>
    <message>
        <source>alias</source>
        <translation>alias</translation>
    </message>
    <message>
        <source>case number</source>
        <translation>número de caso</translation>
    </message>
    <message>
        <source>date of birth</source>
        <translation>fecha de nacimiento</translation>
    </message>
    <message>
        <source>place</source>
        <translation>lugar</translation>
    </message>
    <message>
        <source>charge</source>
        <translation>cargo</translation>
    </message>
    <message>
        <source>status</source>
        <translation>estado</translation>
    </message>
    <message>
        <source>{field} = “{shown}”</source>
        <translation>{field} = «{shown}»</translation>
    </message>
    <message>
        <source>{field} “{shown}” starts with “{typed}”</source>
        <translation>{field} «{shown}» empieza por «{typed}»</translation>
    </message>
    <message>
        <source>{field} ≈ “{shown}” (transliterated: {latin})</source>
        <translation>{field} ≈ «{shown}» (transliterado: {latin})</translation>
    </message>
    <message>
        <source>{field} ≈ “{shown}” (sounds like “{typed}”)</source>
        <translation>{field} ≈ «{shown}» (suena como «{typed}»)</translation>
    </message>
    <message>
        <source>{field} ≈ “{shown}” (transliterated {latin}, sounds like “{typed}”)</source>
        <translation>{field} ≈ «{shown}» (transliterado {latin}, suena como «{typed}»)</translation>
    </message>
    <message>
        <source>A review decision came in from the office and this case has not been opened since.</source>
        <translation>Llegó una decisión de revisión de la oficina y este caso no se ha abierto desde entonces.</translation>
    </message>
    <message>
        <source>{shown}, matched by {why}</source>
        <translation>{shown}, coincide por {why}</translation>
    </message>
    <message>
        <source>Matched: {why}</source>
        <translation>Coincide: {why}</translation>
    </message>
    <message>
        <source>(no name yet)</source>
        <translation>(todavía sin nombre)</translation>
    </message>
    <message>
        <source>Also known as: {aliases}</source>
        <translation>También conocido como: {aliases}</translation>
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
        <source>Loading cases…</source>
        <translation>Cargando casos…</translation>
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
        <source>&amp;History…</source>
        <translation>&amp;Historial…</translation>
    </message>
    <message>
        <source>Resolve sync &amp;conflicts…</source>
        <translation>Resolver &amp;conflictos de sincronización…</translation>
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
        <source>This laptop syncs with an office: the next sync deletes the case at the office and on the other laptops too.</source>
        <translation>Esta computadora portátil se sincroniza con una oficina: la próxima sincronización también elimina el caso en la oficina y en las demás computadoras portátiles.</translation>
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
        <source>{shown}+ of %n case(s)</source>
        <translation>
            <numerusform>{shown}+ de %n caso</numerusform>
            <numerusform>{shown}+ de %n casos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{shown} of %n case(s)</source>
        <translation>
            <numerusform>{shown} de %n caso</numerusform>
            <numerusform>{shown} de %n casos</numerusform>
        </translation>
    </message>
    <message>
        <source>{name}: {why}</source>
        <translation>{name}: {why}</translation>
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
    <name>ChecklistWidget</name>
    <message>
        <source>open</source>
        <translation>pendiente</translation>
    </message>
    <message>
        <source>contradiction</source>
        <translation>contradicción</translation>
    </message>
    <message>
        <source>review</source>
        <translation>revisión</translation>
    </message>
    <message>
        <source>{item} — acknowledged: {note}</source>
        <translation>{item} — constancia: {note}</translation>
    </message>
    <message>
        <source>{item} — to acknowledge</source>
        <translation>{item} — falta dejar constancia</translation>
    </message>
    <message>
        <source>Still to address</source>
        <translation>Pendiente</translation>
    </message>
    <message>
        <source>Nothing left to address.</source>
        <translation>No queda nada pendiente.</translation>
    </message>
    <message>
        <source>Select it and acknowledge it with a note below the list.</source>
        <translation>Selecciónelo y deje constancia con una nota debajo de la lista.</translation>
    </message>
</context>
<context>
    <name>ConfirmDecision</name>
    <message>
        <source>Concur</source>
        <translation>Conforme</translation>
    </message>
    <message>
        <source>Return to the officer</source>
        <translation>Devolver al oficial</translation>
    </message>
    <message>
        <source>Non-concur</source>
        <translation>No conforme</translation>
    </message>
    <message>
        <source>Not recorded: %1.</source>
        <translation>No se registró: %1.</translation>
    </message>
    <message>
        <source>Record the decision</source>
        <translation>Registrar la decisión</translation>
    </message>
    <message>
        <source>Record “%1” on case %2?</source>
        <translation>¿Registrar «%1» en el caso %2?</translation>
    </message>
    <message>
        <source>Comment: %1</source>
        <translation>Comentario: %1</translation>
    </message>
    <message>
        <source>No comment.</source>
        <translation>Sin comentario.</translation>
    </message>
    <message>
        <source>The decision becomes part of the case&apos;s record and its history.</source>
        <translation>La decisión pasa a formar parte del expediente del caso y de su historial.</translation>
    </message>
    <message>
        <source>&amp;Record the decision</source>
        <translation>&amp;Registrar la decisión</translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation>C&amp;ancelar</translation>
    </message>
</context>
<context>
    <name>ConflictBarWidget</name>
    <message>
        <source>Changed elsewhere</source>
        <translation>Modificado en otro lugar</translation>
    </message>
    <message>
        <source>Re&amp;load</source>
        <translation>Volver a car&amp;gar</translation>
    </message>
    <message>
        <source>Show the case as it is stored now; the changes on screen are dropped</source>
        <translation>Mostrar el caso tal como está guardado ahora; se descartan los cambios en pantalla</translation>
    </message>
    <message>
        <source>&amp;Keep mine</source>
        <translation>Conservar los mí&amp;os</translation>
    </message>
    <message>
        <source>Save the case as it is on screen, on top of the stored one</source>
        <translation>Guardar el caso tal como está en pantalla, encima del guardado</translation>
    </message>
</context>
<context>
    <name>ConflictDialog</name>
    <message>
        <source>item %1</source>
        <translation>elemento %1</translation>
    </message>
    <message>
        <source>an item added or removed</source>
        <translation>un elemento añadido o quitado</translation>
    </message>
    <message>
        <source>item</source>
        <translation>elemento</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Persona</translation>
    </message>
    <message>
        <source>Encounter</source>
        <translation>Encuentro</translation>
    </message>
    <message>
        <source>Immigration history</source>
        <translation>Historial migratorio</translation>
    </message>
    <message>
        <source>Assessment</source>
        <translation>Evaluación</translation>
    </message>
    <message>
        <source>Offenses</source>
        <translation>Delitos</translation>
    </message>
    <message>
        <source>Family</source>
        <translation>Familia</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notas</translation>
    </message>
    <message>
        <source>Other ties</source>
        <translation>Otros vínculos</translation>
    </message>
    <message>
        <source>(empty — not there on this side)</source>
        <translation>(vacío: no existe en este lado)</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Sí</translation>
    </message>
    <message>
        <source>No</source>
        <translation>No</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>Eliminado</translation>
    </message>
    <message>
        <source>by %1</source>
        <translation>por %1</translation>
    </message>
    <message>
        <source>on %1</source>
        <translation>el %1</translation>
    </message>
    <message>
        <source>Kept and changed by %1.</source>
        <translation>Conservado y modificado por %1.</translation>
    </message>
    <message>
        <source>Kept and changed here (revision %1).</source>
        <translation>Conservado y modificado aquí (revisión %1).</translation>
    </message>
    <message>
        <source>Kept.</source>
        <translation>Conservado.</translation>
    </message>
    <message>
        <source>Resolve sync conflicts — %1</source>
        <translation>Resolver conflictos de sincronización — %1</translation>
    </message>
    <message>
        <source>These fields were changed both on this laptop and at the office. For each, choose which value to keep; nothing is lost until you apply. The next sync sends your choice.</source>
        <translation>Estos campos se modificaron tanto en esta computadora portátil como en la oficina. Para cada uno, elija qué valor conservar; no se pierde nada hasta que aplique. La próxima sincronización envía su elección.</translation>
    </message>
    <message>
        <source>%1: on this laptop</source>
        <translation>%1: en esta computadora portátil</translation>
    </message>
    <message>
        <source>%1: at the office</source>
        <translation>%1: en la oficina</translation>
    </message>
    <message>
        <source>Delete the case (as on this laptop)</source>
        <translation>Eliminar el caso (como en esta computadora portátil)</translation>
    </message>
    <message>
        <source>Keep the case (as on this laptop)</source>
        <translation>Conservar el caso (como en esta computadora portátil)</translation>
    </message>
    <message>
        <source>Keep the case (as at the office)</source>
        <translation>Conservar el caso (como en la oficina)</translation>
    </message>
    <message>
        <source>Delete the case (as at the office)</source>
        <translation>Eliminar el caso (como en la oficina)</translation>
    </message>
    <message>
        <source>Keep mine (this laptop)</source>
        <translation>Conservar el mío (esta computadora portátil)</translation>
    </message>
    <message>
        <source>Take theirs (the office)</source>
        <translation>Tomar el de la oficina</translation>
    </message>
    <message>
        <source>%1: keep mine — %2</source>
        <translation>%1: conservar el mío — %2</translation>
    </message>
    <message>
        <source>%1: take theirs — %2</source>
        <translation>%1: tomar el de la oficina — %2</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Resultado</translation>
    </message>
    <message>
        <source>&amp;Apply my choices</source>
        <translation>&amp;Aplicar mis elecciones</translation>
    </message>
    <message>
        <source>&amp;Not now</source>
        <translation>Ahora &amp;no</translation>
    </message>
    <message>
        <source>Not applied: %1</source>
        <translation>No se aplicó: %1</translation>
    </message>
    <message numerus="yes">
        <source>Resolved %n field(s) of %1; the next sync sends them.</source>
        <translation>
            <numerusform>Se resolvió %n campo de %1; la próxima sincronización lo envía.</numerusform>
            <numerusform>Se resolvieron %n campos de %1; la próxima sincronización los envía.</numerusform>
        </translation>
    </message>
    <message>
        <source>No sync conflicts to resolve.</source>
        <translation>No hay conflictos de sincronización que resolver.</translation>
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
    <name>DateTimeLineEdit</name>
    <message>
        <source>YYYY-MM-DD HH:MM (leave empty if not recorded)</source>
        <translation>AAAA-MM-DD HH:MM (déjelo vacío si no consta)</translation>
    </message>
    <message>
        <source>“{text}” is not a date and time: type it as YYYY-MM-DD HH:MM (for example 2026-11-20 06:15), or leave the field empty if it was not recorded</source>
        <translation>«{text}» no es una fecha y hora: escríbala como AAAA-MM-DD HH:MM (por ejemplo, 2026-11-20 06:15) o deje el campo vacío si no consta</translation>
    </message>
</context>
<context>
    <name>EncounterEdit</name>
    <message>
        <source>&amp;Date and time</source>
        <translation>Fe&amp;cha y hora</translation>
    </message>
    <message>
        <source>In the laptop&apos;s time zone, as YYYY-MM-DD HH:MM; empty when it was not recorded</source>
        <translation>En la zona horaria de la computadora portátil, como AAAA-MM-DD HH:MM; vacío si no consta</translation>
    </message>
    <message>
        <source>&amp;Place</source>
        <translation>&amp;Lugar</translation>
    </message>
    <message>
        <source>Ho&amp;w it came to attention</source>
        <translation>Có&amp;mo llegó a conocimiento</translation>
    </message>
    <message>
        <source>How the case came to the officer&apos;s attention</source>
        <translation>Cómo llegó el caso a conocimiento del oficial</translation>
    </message>
    <message>
        <source>Detai&amp;ls</source>
        <translation>De&amp;talles</translation>
    </message>
    <message>
        <source>Who made the referral or tip, and any dispute or protest it is tied to</source>
        <translation>Quién hizo la remisión o el aviso, y cualquier disputa o protesta con la que esté relacionado</translation>
    </message>
</context>
<context>
    <name>ErrorLabel</name>
    <message>
        <source>Error: {message}</source>
        <translation>Error: {message}</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Export cases</source>
        <translation>Exportar casos</translation>
    </message>
    <message>
        <source>The &amp;selected case: %1</source>
        <translation>El caso &amp;seleccionado: %1</translation>
    </message>
    <message>
        <source>none</source>
        <translation>ninguno</translation>
    </message>
    <message numerus="yes">
        <source>&amp;All %n case(s), into a folder</source>
        <translation>
            <numerusform>&amp;Todos los casos (%n), en una carpeta</numerusform>
            <numerusform>&amp;Todos los %n casos, en una carpeta</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Replace files of the same name already in the folder</source>
        <translation>&amp;Reemplazar los archivos del mismo nombre que ya estén en la carpeta</translation>
    </message>
    <message>
        <source>Exchange files are plaintext: anyone with the file can read the case. Keep them on an encrypted drive and delete them when done. The export is recorded in the audit log.</source>
        <translation>Los archivos de intercambio son texto sin cifrar: cualquiera que tenga el archivo puede leer el caso. Guárdelos en una unidad cifrada y elimínelos cuando termine. La exportación queda anotada en el registro de auditoría.</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>&amp;Exportar…</translation>
    </message>
</context>
<context>
    <name>ExportFlow</name>
    <message>
        <source>Export the case as</source>
        <translation>Exportar el caso como</translation>
    </message>
    <message>
        <source>Exchange files (*.json)</source>
        <translation>Archivos de intercambio (*.json)</translation>
    </message>
    <message>
        <source>Export every case into the folder</source>
        <translation>Exportar todos los casos a la carpeta</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n case(s) to %1.</source>
        <translation>
            <numerusform>Se exportó %n caso a %1.</numerusform>
            <numerusform>Se exportaron %n casos a %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>Export finished</source>
        <translation>Exportación terminada</translation>
    </message>
    <message>
        <source>These files are plaintext case data: handle them with care.</source>
        <translation>Estos archivos contienen datos de casos sin cifrar: trátelos con cuidado.</translation>
    </message>
    <message>
        <source>Export cancelled: nothing was written.</source>
        <translation>Exportación cancelada: no se escribió nada.</translation>
    </message>
    <message>
        <source>Exporting cases…</source>
        <translation>Exportando casos…</translation>
    </message>
</context>
<context>
    <name>FormSection</name>
    <message>
        <source>row {number}</source>
        <translation>fila {number}</translation>
    </message>
    <message>
        <source>Error: {message}</source>
        <translation>Error: {message}</translation>
    </message>
</context>
<context>
    <name>HistoryDialog</name>
    <message>
        <source>History of case %1</source>
        <translation>Historial del caso %1</translation>
    </message>
    <message>
        <source>Checking the audit log…</source>
        <translation>Verificando el registro de auditoría…</translation>
    </message>
    <message>
        <source>Audit log check</source>
        <translation>Verificación del registro de auditoría</translation>
    </message>
    <message>
        <source>Audit entries</source>
        <translation>Entradas del registro de auditoría</translation>
    </message>
    <message>
        <source>#</source>
        <translation>N.º</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Hora</translation>
    </message>
    <message>
        <source>Officer</source>
        <translation>Oficial</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>Dispositivo</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Acción</translation>
    </message>
    <message>
        <source>Details (fields changed, never their values)</source>
        <translation>Detalles (campos modificados, nunca sus valores)</translation>
    </message>
    <message>
        <source>Revisions</source>
        <translation>Revisiones</translation>
    </message>
    <message>
        <source>Revision</source>
        <translation>Revisión</translation>
    </message>
    <message>
        <source>Saved</source>
        <translation>Guardado</translation>
    </message>
    <message>
        <source>&amp;Entries</source>
        <translation>&amp;Entradas</translation>
    </message>
    <message>
        <source>&amp;Revisions</source>
        <translation>&amp;Revisiones</translation>
    </message>
    <message>
        <source>The history could not be read: %1</source>
        <translation>No se pudo leer el historial: %1</translation>
    </message>
    <message>
        <source>Audit log verified: every entry&apos;s hash chain and the signed head check out (%1 entries in the whole log).</source>
        <translation>Registro de auditoría verificado: la cadena de hash de cada entrada y la cabecera firmada son correctas (%1 entradas en todo el registro).</translation>
    </message>
    <message>
        <source>The audit log failed its check: %1. Entries from number %2 on cannot be trusted (marked). Tell office IT.</source>
        <translation>El registro de auditoría no superó su verificación: %1. No se puede confiar en las entradas a partir del número %2 (marcadas). Avise al servicio de informática de la oficina.</translation>
    </message>
    <message>
        <source>After the first entry that fails the audit log&apos;s check</source>
        <translation>Después de la primera entrada que no supera la verificación del registro de auditoría</translation>
    </message>
    <message>
        <source>as office revision</source>
        <translation>como revisión de la oficina</translation>
    </message>
    <message>
        <source>revision</source>
        <translation>revisión</translation>
    </message>
    <message>
        <source>fields:</source>
        <translation>campos:</translation>
    </message>
    <message>
        <source>none</source>
        <translation>ninguno</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Creado</translation>
    </message>
    <message>
        <source>Edited</source>
        <translation>Editado</translation>
    </message>
    <message>
        <source>Viewed</source>
        <translation>Consultado</translation>
    </message>
    <message>
        <source>Submitted for review</source>
        <translation>Presentado para revisión</translation>
    </message>
    <message>
        <source>Concurred</source>
        <translation>Conforme</translation>
    </message>
    <message>
        <source>Returned for changes</source>
        <translation>Devuelto para cambios</translation>
    </message>
    <message>
        <source>Non-concurred</source>
        <translation>No conforme</translation>
    </message>
    <message>
        <source>Reopened for editing</source>
        <translation>Reabierto para editar</translation>
    </message>
    <message>
        <source>Memo printed or saved</source>
        <translation>Memorando impreso o guardado</translation>
    </message>
    <message>
        <source>Copy for a recipient</source>
        <translation>Copia para un destinatario</translation>
    </message>
    <message>
        <source>Exported</source>
        <translation>Exportado</translation>
    </message>
    <message>
        <source>Imported</source>
        <translation>Importado</translation>
    </message>
    <message>
        <source>Sent for review</source>
        <translation>Enviado para revisión</translation>
    </message>
    <message>
        <source>Received for review</source>
        <translation>Recibido para revisión</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>Eliminado</translation>
    </message>
    <message>
        <source>Synced with the office</source>
        <translation>Sincronizado con la oficina</translation>
    </message>
    <message>
        <source>Sent to the office</source>
        <translation>Enviado a la oficina</translation>
    </message>
    <message>
        <source>Sync conflict</source>
        <translation>Conflicto de sincronización</translation>
    </message>
    <message>
        <source>Sync refused</source>
        <translation>Sincronización rechazada</translation>
    </message>
    <message>
        <source>Sync conflict resolved</source>
        <translation>Conflicto de sincronización resuelto</translation>
    </message>
</context>
<context>
    <name>HistoryEdit</name>
    <message>
        <source>&amp;Date of last entry</source>
        <translation>Fe&amp;cha de la última entrada</translation>
    </message>
    <message>
        <source>As precisely as known: YYYY-MM-DD, YYYY-MM or YYYY; leave empty if unknown</source>
        <translation>Con la precisión que se conozca: AAAA-MM-DD, AAAA-MM o AAAA; déjelo vacío si se desconoce</translation>
    </message>
    <message>
        <source>&amp;Manner of entry</source>
        <translation>Fo&amp;rma de entrada</translation>
    </message>
    <message>
        <source>P&amp;lace of entry</source>
        <translation>&amp;Lugar de entrada</translation>
    </message>
    <message>
        <source>&amp;Where apprehended</source>
        <translation>&amp;Sitio de la aprehensión</translation>
    </message>
    <message>
        <source>Apprehension place</source>
        <translation>Lugar de la aprehensión</translation>
    </message>
</context>
<context>
    <name>ImportFlow</name>
    <message>
        <source>Import cases</source>
        <translation>Importar casos</translation>
    </message>
    <message>
        <source>Exchange files and review bundles (*.json);;All files (*)</source>
        <translation>Archivos de intercambio y paquetes de revisión (*.json);;Todos los archivos (*)</translation>
    </message>
    <message>
        <source>Reading the files…</source>
        <translation>Leyendo los archivos…</translation>
    </message>
    <message>
        <source>Importing cases…</source>
        <translation>Importando casos…</translation>
    </message>
</context>
<context>
    <name>ImportPreviewDialog</name>
    <message>
        <source>Import cases</source>
        <translation>Importar casos</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Resumen</translation>
    </message>
    <message>
        <source>Files to import</source>
        <translation>Archivos que importar</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Archivo</translation>
    </message>
    <message>
        <source>Will be</source>
        <translation>Resultado</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Detalles</translation>
    </message>
    <message>
        <source>imported (new)</source>
        <translation>se importará (nuevo)</translation>
    </message>
    <message>
        <source>already in the store</source>
        <translation>ya está en el almacén</translation>
    </message>
    <message>
        <source>received for review</source>
        <translation>recibido para revisión</translation>
    </message>
    <message>
        <source>refused</source>
        <translation>rechazado</translation>
    </message>
    <message>
        <source>&amp;Replace cases already in the store (each is saved as its next revision)</source>
        <translation>&amp;Reemplazar los casos que ya están en el almacén (cada uno se guarda como su siguiente revisión)</translation>
    </message>
    <message>
        <source>Replace cases already in the store</source>
        <translation>Reemplazar los casos que ya están en el almacén</translation>
    </message>
    <message>
        <source>Exchange files are plaintext case data: delete them once imported.</source>
        <translation>Los archivos de intercambio contienen datos de casos sin cifrar: elimínelos una vez importados.</translation>
    </message>
    <message numerus="yes">
        <source>%n new</source>
        <translation>
            <numerusform>%n nuevo</numerusform>
            <numerusform>%n nuevos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n already in the store</source>
        <translation>
            <numerusform>%n ya está en el almacén</numerusform>
            <numerusform>%n ya están en el almacén</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n review bundle(s)</source>
        <translation>
            <numerusform>%n paquete de revisión</numerusform>
            <numerusform>%n paquetes de revisión</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n refused</source>
        <translation>
            <numerusform>%n rechazado</numerusform>
            <numerusform>%n rechazados</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n file(s): </source>
        <translation>
            <numerusform>%n archivo: </numerusform>
            <numerusform>%n archivos: </numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&amp;Import %n file(s)</source>
        <translation>
            <numerusform>&amp;Importar %n archivo</numerusform>
            <numerusform>&amp;Importar %n archivos</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ImportResultDialog</name>
    <message>
        <source>Import finished</source>
        <translation>Importación terminada</translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) imported</source>
        <translation>
            <numerusform>%n archivo importado</numerusform>
            <numerusform>%n archivos importados</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>; %n not</source>
        <translation>
            <numerusform>; %n no</numerusform>
            <numerusform>; %n no</numerusform>
        </translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Resultado</translation>
    </message>
    <message>
        <source>%1: not imported: %2</source>
        <translation>%1: no se importó: %2</translation>
    </message>
    <message>
        <source>What happened to each file</source>
        <translation>Qué pasó con cada archivo</translation>
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
        <source>&amp;Import cases…</source>
        <translation>Im&amp;portar casos…</translation>
    </message>
    <message>
        <source>&amp;Export cases…</source>
        <translation>E&amp;xportar casos…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Salir</translation>
    </message>
    <message>
        <source>Off&amp;ice</source>
        <translation>&amp;Oficina</translation>
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
        <translation>El registro de auditoría no superó su verificación: {problem}. Sus casos no se ven afectados; avise al servicio de informática de la oficina (casefile audit verify indica la entrada).</translation>
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
        <source>Case &amp;history…</source>
        <translation>&amp;Historial del caso…</translation>
    </message>
    <message>
        <source>Who did what to the open or selected case, and whether the audit log checks out (Ctrl+Shift+H)</source>
        <translation>Quién hizo qué en el caso abierto o seleccionado, y si el registro de auditoría es correcto (Ctrl+Mayúsculas+H)</translation>
    </message>
    <message>
        <source>&amp;Backups…</source>
        <translation>&amp;Copias de seguridad…</translation>
    </message>
    <message>
        <source>Open or select a case to see its history.</source>
        <translation>Abra o seleccione un caso para ver su historial.</translation>
    </message>
    <message>
        <source>Checking the backup&apos;s passphrase…</source>
        <translation>Comprobando la frase de contraseña de la copia de seguridad…</translation>
    </message>
    <message>
        <source>Restoring the backup…</source>
        <translation>Restaurando la copia de seguridad…</translation>
    </message>
    <message>
        <source>Restored the backup of %1 (%2 cases). The store it replaced is kept in %3.</source>
        <translation>Se restauró la copia de seguridad del %1 (%2 casos). El almacén que reemplazó se guarda en %3.</translation>
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
    <name>NotesEdit</name>
    <message>
        <source>Notes</source>
        <translation>Notas</translation>
    </message>
</context>
<context>
    <name>OffensesEdit</name>
    <message>
        <source>YYYY-MM-DD, YYYY-MM or YYYY</source>
        <translation>AAAA-MM-DD, AAAA-MM o AAAA</translation>
    </message>
    <message>
        <source>Charge</source>
        <translation>Cargo</translation>
    </message>
    <message>
        <source>Statute</source>
        <translation>Ley aplicable</translation>
    </message>
    <message>
        <source>Jurisdiction</source>
        <translation>Jurisdicción</translation>
    </message>
    <message>
        <source>Arrest date</source>
        <translation>Fecha del arresto</translation>
    </message>
    <message>
        <source>Conviction date</source>
        <translation>Fecha de la condena</translation>
    </message>
    <message>
        <source>Disposition</source>
        <translation>Resolución</translation>
    </message>
    <message>
        <source>Sentence</source>
        <translation>Pena</translation>
    </message>
    <message>
        <source>offense</source>
        <translation>delito</translation>
    </message>
    <message>
        <source>Offense &amp;records</source>
        <translation>&amp;Registros de delitos</translation>
    </message>
    <message>
        <source>Every arrest and charge found in the records, with its disposition</source>
        <translation>Cada arresto y cargo que figure en los registros, con su resolución</translation>
    </message>
</context>
<context>
    <name>OfficeController</name>
    <message>
        <source>Office &amp;settings…</source>
        <translation>&amp;Configuración de la oficina…</translation>
    </message>
    <message>
        <source>&amp;Join an office…</source>
        <translation>&amp;Unirse a una oficina…</translation>
    </message>
    <message>
        <source>&amp;Members…</source>
        <translation>&amp;Miembros…</translation>
    </message>
    <message>
        <source>S&amp;ync</source>
        <translation>S&amp;incronizar</translation>
    </message>
    <message>
        <source>Sync with the office (Ctrl+Shift+S)</source>
        <translation>Sincronizar con la oficina (Ctrl+Mayúsculas+S)</translation>
    </message>
    <message>
        <source>Resolve &amp;conflicts…</source>
        <translation>Resolver con&amp;flictos…</translation>
    </message>
    <message>
        <source>&amp;Review queue…</source>
        <translation>Cola de &amp;revisión…</translation>
    </message>
    <message>
        <source>This case was changed both here and at the office: Office ▸ Resolve conflicts… (or the list&apos;s context menu) shows both values side by side.</source>
        <translation>Este caso se modificó tanto aquí como en la oficina: Oficina ▸ Resolver conflictos… (o el menú contextual de la lista) muestra ambos valores uno al lado del otro.</translation>
    </message>
    <message>
        <source>Join an office first: Office ▸ Join an office…</source>
        <translation>Únase primero a una oficina: Oficina ▸ Unirse a una oficina…</translation>
    </message>
    <message>
        <source>A sync is already running.</source>
        <translation>Ya hay una sincronización en curso.</translation>
    </message>
    <message>
        <source>The office is not reachable; Casefile syncs when it is.</source>
        <translation>No se puede llegar a la oficina; Casefile sincronizará cuando se pueda.</translation>
    </message>
    <message>
        <source>Automatic sync: %1</source>
        <translation>Sincronización automática: %1</translation>
    </message>
</context>
<context>
    <name>OfficeMembersDialog</name>
    <message>
        <source>Office members</source>
        <translation>Miembros de la oficina</translation>
    </message>
    <message>
        <source>Reading the member list from the office…</source>
        <translation>Leyendo la lista de miembros de la oficina…</translation>
    </message>
    <message>
        <source>Members and join requests</source>
        <translation>Miembros y solicitudes de ingreso</translation>
    </message>
    <message>
        <source>Key id</source>
        <translation>Id. de clave</translation>
    </message>
    <message>
        <source>Officer id</source>
        <translation>Id. del oficial</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Función</translation>
    </message>
    <message>
        <source>Officer</source>
        <translation>Oficial</translation>
    </message>
    <message>
        <source>Supervisor</source>
        <translation>Supervisor</translation>
    </message>
    <message>
        <source>&amp;Role</source>
        <translation>&amp;Función</translation>
    </message>
    <message>
        <source>&amp;Approve with this role</source>
        <translation>&amp;Aprobar con esta función</translation>
    </message>
    <message>
        <source>Re&amp;move from the office…</source>
        <translation>&amp;Quitar de la oficina…</translation>
    </message>
    <message>
        <source>Its later pushes are refused and the office key is rotated for the others</source>
        <translation>Se rechazarán sus envíos posteriores y se renovará la clave de la oficina para los demás</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Resultado</translation>
    </message>
    <message>
        <source>C&amp;lose</source>
        <translation>C&amp;errar</translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation>Administrador</translation>
    </message>
    <message>
        <source>Waiting for approval</source>
        <translation>En espera de aprobación</translation>
    </message>
    <message>
        <source>Removed %1</source>
        <translation>Se quitó a %1</translation>
    </message>
    <message numerus="yes">
        <source>%n member(s),</source>
        <translation>
            <numerusform>%n miembro,</numerusform>
            <numerusform>%n miembros,</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n waiting for approval.</source>
        <translation>
            <numerusform>%n en espera de aprobación.</numerusform>
            <numerusform>%n en espera de aprobación.</numerusform>
        </translation>
    </message>
    <message>
        <source>Before approving, compare the key id with the one the officer reads out to you.</source>
        <translation>Antes de aprobar, compare el id. de clave con el que le lea el oficial.</translation>
    </message>
    <message>
        <source>Only the office&apos;s administrator or a supervisor can approve members.</source>
        <translation>Solo el administrador de la oficina o un supervisor pueden aprobar miembros.</translation>
    </message>
    <message>
        <source>Approved %1 as %2.</source>
        <translation>Se aprobó a %1 como %2.</translation>
    </message>
    <message>
        <source>Remove a member</source>
        <translation>Quitar a un miembro</translation>
    </message>
    <message>
        <source>Remove %1 (%2) from the office?</source>
        <translation>¿Quitar a %1 (%2) de la oficina?</translation>
    </message>
    <message>
        <source>The office refuses its pushes from now on and the office key is rotated for the others. What it sent before stays; its cases stay on its laptop.</source>
        <translation>A partir de ahora la oficina rechaza sus envíos y se renueva la clave de la oficina para los demás. Lo que envió antes se conserva; sus casos permanecen en su computadora portátil.</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Quitar</translation>
    </message>
    <message>
        <source>Removed %1; the office key was rotated for the others.</source>
        <translation>Se quitó a %1; se renovó la clave de la oficina para los demás.</translation>
    </message>
</context>
<context>
    <name>OfficeSettingsDialog</name>
    <message>
        <source>Join an office</source>
        <translation>Unirse a una oficina</translation>
    </message>
    <message>
        <source>Office settings</source>
        <translation>Configuración de la oficina</translation>
    </message>
    <message>
        <source>Link to the office</source>
        <translation>Vínculo con la oficina</translation>
    </message>
    <message>
        <source>Where the office is</source>
        <translation>Dónde está la oficina</translation>
    </message>
    <message>
        <source>A shared &amp;folder (network share or USB drive)</source>
        <translation>Una &amp;carpeta compartida (recurso de red o unidad USB)</translation>
    </message>
    <message>
        <source>A Post&amp;greSQL database</source>
        <translation>Una base de datos Post&amp;greSQL</translation>
    </message>
    <message>
        <source>/mnt/office-share/casefile</source>
        <translation>/mnt/office-share/casefile</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Examinar…</translation>
    </message>
    <message>
        <source>F&amp;older</source>
        <translation>Ca&amp;rpeta</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>Carpeta</translation>
    </message>
    <message>
        <source>&amp;Connection string (DSN)</source>
        <translation>Cadena de co&amp;nexión (DSN)</translation>
    </message>
    <message>
        <source>Connection string (DSN)</source>
        <translation>Cadena de conexión (DSN)</translation>
    </message>
    <message>
        <source>Sc&amp;hema</source>
        <translation>Es&amp;quema</translation>
    </message>
    <message>
        <source>Schema</source>
        <translation>Esquema</translation>
    </message>
    <message>
        <source>&amp;Test connection</source>
        <translation>&amp;Probar la conexión</translation>
    </message>
    <message>
        <source>Connection test result</source>
        <translation>Resultado de la prueba de conexión</translation>
    </message>
    <message>
        <source>&amp;Ask to join</source>
        <translation>&amp;Solicitar el ingreso</translation>
    </message>
    <message>
        <source>Send this profile&apos;s public key to the office; an administrator or a supervisor approves it</source>
        <translation>Enviar la clave pública de este perfil a la oficina; un administrador o un supervisor la aprueba</translation>
    </message>
    <message>
        <source>Create a &amp;new office here</source>
        <translation>Crear aquí una &amp;oficina nueva</translation>
    </message>
    <message>
        <source>This supervisor profile becomes the office&apos;s administrator</source>
        <translation>Este perfil de supervisor pasa a ser el administrador de la oficina</translation>
    </message>
    <message>
        <source>C&amp;lose</source>
        <translation>Cerr&amp;ar</translation>
    </message>
    <message>
        <source>administrator</source>
        <translation>administrador</translation>
    </message>
    <message>
        <source>supervisor</source>
        <translation>supervisor</translation>
    </message>
    <message>
        <source>officer</source>
        <translation>oficial</translation>
    </message>
    <message>
        <source>waiting for approval</source>
        <translation>en espera de aprobación</translation>
    </message>
    <message>
        <source>shared folder</source>
        <translation>carpeta compartida</translation>
    </message>
    <message>
        <source>Linked to office %1 (%2: %3).</source>
        <translation>Vinculado a la oficina %1 (%2: %3).</translation>
    </message>
    <message>
        <source>This profile&apos;s key id: %1 — role: %2.</source>
        <translation>Id. de clave de este perfil: %1 — función: %2.</translation>
    </message>
    <message>
        <source>&amp;Test connection to the office</source>
        <translation>&amp;Probar la conexión con la oficina</translation>
    </message>
    <message>
        <source>Not linked to an office yet. This profile&apos;s key id is %1: read it out to the administrator or supervisor who approves it.</source>
        <translation>Todavía no está vinculado a ninguna oficina. El id. de clave de este perfil es %1: léaselo al administrador o al supervisor que lo apruebe.</translation>
    </message>
    <message>
        <source>The office folder</source>
        <translation>La carpeta de la oficina</translation>
    </message>
    <message>
        <source>Enter the office folder first.</source>
        <translation>Escriba primero la carpeta de la oficina.</translation>
    </message>
    <message>
        <source>Enter the connection string (DSN) first.</source>
        <translation>Escriba primero la cadena de conexión (DSN).</translation>
    </message>
    <message>
        <source>Testing the connection…</source>
        <translation>Probando la conexión…</translation>
    </message>
    <message>
        <source>The test failed: %1</source>
        <translation>La prueba falló: %1</translation>
    </message>
    <message>
        <source>Created office %1. This profile is its administrator.</source>
        <translation>Se creó la oficina %1. Este perfil es su administrador.</translation>
    </message>
    <message>
        <source>Asked to join office %1. Read your key id %2 out to the approver. The office&apos;s founder key is %3: compare it with the administrator&apos;s before trusting the office.</source>
        <translation>Se solicitó el ingreso en la oficina %1. Léale su id. de clave %2 a quien lo apruebe. La clave fundadora de la oficina es %3: compárela con la del administrador antes de confiar en la oficina.</translation>
    </message>
    <message>
        <source>Not linked: something went wrong (see the details).</source>
        <translation>Sin vincular: algo salió mal (vea los detalles).</translation>
    </message>
    <message>
        <source>Creating the office…</source>
        <translation>Creando la oficina…</translation>
    </message>
    <message>
        <source>Sending the join request…</source>
        <translation>Enviando la solicitud de ingreso…</translation>
    </message>
    <message>
        <source>&amp;Move the link here</source>
        <translation>&amp;Mover el enlace aquí</translation>
    </message>
    <message>
        <source>The office moved (another drive letter, share or database host): link this profile to it there. Only the same office is accepted.</source>
        <translation>La oficina se trasladó (otra letra de unidad, otro recurso compartido u otro servidor de base de datos): enlace este perfil con ella allí. Solo se acepta la misma oficina.</translation>
    </message>
    <message numerus="yes">
        <source>%n case(s) to send;</source>
        <translation>
            <numerusform>%n caso por enviar;</numerusform>
            <numerusform>%n casos por enviar;</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n with a conflict to resolve.</source>
        <translation>
            <numerusform>%n con un conflicto por resolver.</numerusform>
            <numerusform>%n con un conflicto por resolver.</numerusform>
        </translation>
    </message>
    <message>
        <source>Where the office is now, if it moved</source>
        <translation>Dónde está ahora la oficina, si se trasladó</translation>
    </message>
    <message>
        <source>the new connection string; without a user and password, this profile&apos;s own are kept</source>
        <translation>la nueva cadena de conexión; sin usuario ni contraseña, se conservan los de este perfil</translation>
    </message>
    <message>
        <source>Same office: the link now points at %1.</source>
        <translation>Es la misma oficina: el enlace apunta ahora a %1.</translation>
    </message>
    <message>
        <source>Not moved: %1</source>
        <translation>No se trasladó: %1</translation>
    </message>
    <message>
        <source>Not moved: something went wrong (see the details).</source>
        <translation>No se trasladó: algo salió mal (vea los detalles).</translation>
    </message>
    <message>
        <source>Checking that it is the same office…</source>
        <translation>Comprobando que es la misma oficina…</translation>
    </message>
</context>
<context>
    <name>PartialDateEdit</name>
    <message>
        <source>YYYY-MM-DD, YYYY-MM or YYYY</source>
        <translation>AAAA-MM-DD, AAAA-MM o AAAA</translation>
    </message>
</context>
<context>
    <name>PassphraseEdit</name>
    <message>
        <source>Passphrase strength</source>
        <translation>Solidez de la frase de contraseña</translation>
    </message>
    <message>
        <source>Strength: very weak</source>
        <translation>Solidez: muy débil</translation>
    </message>
    <message>
        <source>Strength: weak</source>
        <translation>Solidez: débil</translation>
    </message>
    <message>
        <source>Strength: fair</source>
        <translation>Solidez: aceptable</translation>
    </message>
    <message>
        <source>Strength: strong</source>
        <translation>Solidez: sólida</translation>
    </message>
    <message>
        <source>Strength: very strong</source>
        <translation>Solidez: muy sólida</translation>
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
        <source>added</source>
        <translation>añadido</translation>
    </message>
    <message>
        <source>removed</source>
        <translation>suprimido</translation>
    </message>
    <message>
        <source>reworded</source>
        <translation>reformulado</translation>
    </message>
    <message>
        <source>changed</source>
        <translation>modificado</translation>
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
        <source>Also p&amp;rint a Spanish copy of each memo</source>
        <translation>Imprimir también una copia en e&amp;spañol de cada memorando</translation>
    </message>
    <message>
        <source>After the English original, which stays the sealed record; the copy is marked as a translation on every page and is not sealed.</source>
        <translation>Después del original en inglés, que sigue siendo el registro sellado; la copia se marca como traducción en cada página y no se sella.</translation>
    </message>
    <message>
        <source>Sync &amp;with the office by itself when it is reachable</source>
        <translation>Sincronizar con la oficina automá&amp;ticamente cuando esté disponible</translation>
    </message>
    <message>
        <source>Every few minutes, never while a change is being saved</source>
        <translation>Cada pocos minutos, nunca mientras se guarda un cambio</translation>
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
    <message>
        <source>US Letter</source>
        <translation>Carta (EE. UU.)</translation>
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
        <source>Creating the store</source>
        <translation>Creando el almacén</translation>
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
    <message>
        <source>Memos cannot print %1; type it with letters the memo&apos;s font has.</source>
        <translation>Los memorandos no pueden imprimir %1; escríbalo con letras que tenga la fuente del memorando.</translation>
    </message>
</context>
<context>
    <name>RecordTableEdit</name>
    <message>
        <source>{noun} table</source>
        <translation>Tabla: {noun}</translation>
    </message>
    <message>
        <source>Add {noun}</source>
        <translation>Añadir {noun}</translation>
    </message>
    <message>
        <source>Remove {noun}</source>
        <translation>Quitar {noun}</translation>
    </message>
    <message>
        <source>Error: {message}</source>
        <translation>Error: {message}</translation>
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
    <name>ReviewQueue</name>
    <message>
        <source>(no name yet)</source>
        <translation>(todavía sin nombre)</translation>
    </message>
    <message>
        <source>No assessment.</source>
        <translation>Sin evaluación.</translation>
    </message>
    <message>
        <source>Policy: %1</source>
        <translation>Política: %1</translation>
    </message>
    <message>
        <source>⚠ The latest decision is stale: the case changed after it was reviewed.</source>
        <translation>⚠ La última decisión está desactualizada: el caso cambió después de revisarse.</translation>
    </message>
    <message>
        <source>Determination: %1</source>
        <translation>Determinación: %1</translation>
    </message>
    <message>
        <source>Priority categories</source>
        <translation>Categorías de prioridad</translation>
    </message>
    <message>
        <source>Factors</source>
        <translation>Factores</translation>
    </message>
    <message>
        <source>Rationale</source>
        <translation>Justificación</translation>
    </message>
    <message>
        <source>submitted</source>
        <translation>presentado</translation>
    </message>
    <message>
        <source>concurred</source>
        <translation>con conformidad</translation>
    </message>
    <message>
        <source>returned</source>
        <translation>devuelto</translation>
    </message>
    <message>
        <source>non-concurred</source>
        <translation>sin conformidad</translation>
    </message>
    <message>
        <source>reopened</source>
        <translation>reabierto</translation>
    </message>
</context>
<context>
    <name>ReviewQueueDialog</name>
    <message>
        <source>Review queue</source>
        <translation>Cola de revisión</translation>
    </message>
    <message>
        <source>Assessment of the selected case</source>
        <translation>Evaluación del caso seleccionado</translation>
    </message>
    <message>
        <source>&amp;Open in the window</source>
        <translation>&amp;Abrir en la ventana</translation>
    </message>
    <message>
        <source>Preview &amp;memo…</source>
        <translation>Vista previa del &amp;memorando…</translation>
    </message>
    <message>
        <source>Comment (needed to return or not concur)</source>
        <translation>Comentario (necesario para devolver o para no dar la conformidad)</translation>
    </message>
    <message>
        <source>Commen&amp;t</source>
        <translation>Comen&amp;tario</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>Comentario</translation>
    </message>
    <message>
        <source>&amp;Concur</source>
        <translation>&amp;Conforme</translation>
    </message>
    <message>
        <source>&amp;Return to the officer</source>
        <translation>&amp;Devolver al oficial</translation>
    </message>
    <message>
        <source>&amp;Non-concur</source>
        <translation>&amp;No conforme</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Resultado</translation>
    </message>
    <message>
        <source>C&amp;lose</source>
        <translation>C&amp;errar</translation>
    </message>
    <message>
        <source>No case selected.</source>
        <translation>No hay ningún caso seleccionado.</translation>
    </message>
    <message>
        <source>You submitted this case, so another supervisor must review it.</source>
        <translation>Usted presentó este caso, así que debe revisarlo otro supervisor.</translation>
    </message>
    <message>
        <source>concurred</source>
        <translation>con conformidad</translation>
    </message>
    <message>
        <source>returned</source>
        <translation>devuelto</translation>
    </message>
    <message>
        <source>non-concurred</source>
        <translation>sin conformidad</translation>
    </message>
    <message>
        <source>%1: %2. The officer sees it after your next sync (Ctrl+Shift+S).</source>
        <translation>%1: %2. El oficial lo verá después de su próxima sincronización (Ctrl+Mayúsculas+S).</translation>
    </message>
    <message>
        <source>Not recorded: %1</source>
        <translation>No se registró: %1</translation>
    </message>
</context>
<context>
    <name>ReviewQueueWidget</name>
    <message>
        <source>Waiting for review</source>
        <translation>En espera de revisión</translation>
    </message>
    <message>
        <source>Returned</source>
        <translation>Devuelto</translation>
    </message>
    <message>
        <source>Decided</source>
        <translation>Decididos</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Todos</translation>
    </message>
    <message>
        <source>Any age</source>
        <translation>Cualquier antigüedad</translation>
    </message>
    <message numerus="yes">
        <source>Waiting %n day(s) or more</source>
        <translation>
            <numerusform>En espera %n día o más</numerusform>
            <numerusform>En espera %n días o más</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Show</source>
        <translation>Mo&amp;strar</translation>
    </message>
    <message>
        <source>Su&amp;bmitted by</source>
        <translation>&amp;Presentado por</translation>
    </message>
    <message>
        <source>A&amp;ge</source>
        <translation>Anti&amp;güedad</translation>
    </message>
    <message>
        <source>Review queue</source>
        <translation>Cola de revisión</translation>
    </message>
    <message>
        <source>Case number</source>
        <translation>Número de caso</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Submitted by</source>
        <translation>Presentado por</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>En espera</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Any officer</source>
        <translation>Cualquier oficial</translation>
    </message>
    <message>
        <source>Concurred</source>
        <translation>Conforme</translation>
    </message>
    <message>
        <source>Non-concurred</source>
        <translation>No conforme</translation>
    </message>
    <message>
        <source> — stale</source>
        <translation> — desactualizada</translation>
    </message>
    <message>
        <source>(no name yet)</source>
        <translation>(todavía sin nombre)</translation>
    </message>
    <message>
        <source>The case changed after this decision: it no longer counts for the content shown</source>
        <translation>El caso cambió después de esta decisión: ya no es válida para el contenido que se muestra</translation>
    </message>
    <message>
        <source>Submitted %1</source>
        <translation>Presentado el %1</translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n submitted case(s)</source>
        <translation>
            <numerusform>%1 de %n caso presentado</numerusform>
            <numerusform>%1 de %n casos presentados</numerusform>
        </translation>
    </message>
    <message>
        <source>clock ahead</source>
        <translation>reloj adelantado</translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n día</numerusform>
            <numerusform>%n días</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hour(s)</source>
        <translation>
            <numerusform>%n hora</numerusform>
            <numerusform>%n horas</numerusform>
        </translation>
    </message>
    <message>
        <source>under an hour</source>
        <translation>menos de una hora</translation>
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
        <translation>Tecla de menú o Mayúsculas+F10</translation>
    </message>
    <message>
        <source>Next or previous tab of the case</source>
        <translation>Pestaña siguiente o anterior del caso</translation>
    </message>
    <message>
        <source>Ctrl+Tab, Ctrl+Shift+Tab</source>
        <translation>Control+Tab, Control+Mayúsculas+Tab</translation>
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
        <translation>Tab, Mayúsculas+Tab</translation>
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
    <name>StatusBannerWidget</name>
    <message>
        <source>Concurred by {who} on {when}.</source>
        <translation>Conformidad de {who} el {when}.</translation>
    </message>
    <message>
        <source>Returned by {who} on {when}.</source>
        <translation>Devuelto por {who} el {when}.</translation>
    </message>
    <message>
        <source>Non-concurred by {who} on {when}.</source>
        <translation>No conformidad de {who} el {when}.</translation>
    </message>
    <message>
        <source>Submitted for review — read-only</source>
        <translation>Presentado para revisión: solo lectura</translation>
    </message>
    <message>
        <source>Concurred by the supervisor — read-only</source>
        <translation>Con la conformidad del supervisor: solo lectura</translation>
    </message>
    <message>
        <source>Returned by the supervisor for changes — read-only</source>
        <translation>Devuelto por el supervisor para cambios: solo lectura</translation>
    </message>
    <message>
        <source>The supervisor did not concur — read-only</source>
        <translation>El supervisor no dio su conformidad: solo lectura</translation>
    </message>
    <message>
        <source>Case status</source>
        <translation>Estado del caso</translation>
    </message>
    <message>
        <source>&amp;Reopen for editing…</source>
        <translation>Rea&amp;brir para editar…</translation>
    </message>
    <message>
        <source>Make the case a draft again; you will be asked why, and the reason is kept in its history and the audit log</source>
        <translation>Volver a convertir el caso en un borrador; se le pedirá el motivo, que se guarda en su historial y en el registro de auditoría</translation>
    </message>
    <message>
        <source>Draft of {who} — read-only</source>
        <translation>Borrador de {who}: solo lectura</translation>
    </message>
    <message>
        <source>Only {who}, who submitted this case, can change it or submit it again.</source>
        <translation>Solo {who}, quien presentó este caso, puede modificarlo o volver a presentarlo.</translation>
    </message>
    <message>
        <source>Draft — reopened after review</source>
        <translation>Borrador: reabierto después de la revisión</translation>
    </message>
    <message>
        <source>Supervisor&apos;s comment: {comment}</source>
        <translation>Comentario del supervisor: {comment}</translation>
    </message>
    <message>
        <source>Submitted by {who} on {when}.</source>
        <translation>Presentado por {who} el {when}.</translation>
    </message>
    <message>
        <source>Nothing in this case can be changed unless it is reopened for editing.</source>
        <translation>No se puede cambiar nada de este caso a menos que se reabra para editarlo.</translation>
    </message>
    <message>
        <source>Reopen it for editing to address the comment, then submit it again.</source>
        <translation>Reábralo para editarlo, atienda el comentario y vuelva a presentarlo.</translation>
    </message>
    <message>
        <source>The decision was made on content {digest}, which is this revision ({revision}).</source>
        <translation>La decisión se tomó sobre el contenido {digest}, que es esta revisión ({revision}).</translation>
    </message>
    <message>
        <source>The decision was made on content {digest}; this revision ({revision}) is content {current}.</source>
        <translation>La decisión se tomó sobre el contenido {digest}; esta revisión ({revision}) es el contenido {current}.</translation>
    </message>
</context>
<context>
    <name>SubjectEdit</name>
    <message>
        <source>A and 8 or 9 digits</source>
        <translation>A y 8 o 9 dígitos</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>Documento</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Número</translation>
    </message>
    <message>
        <source>Issued by</source>
        <translation>Expedido por</translation>
    </message>
    <message>
        <source>Expires (YYYY-MM-DD)</source>
        <translation>Vence (AAAA-MM-DD)</translation>
    </message>
    <message>
        <source>document</source>
        <translation>documento</translation>
    </message>
    <message>
        <source>Family na&amp;me</source>
        <translation>Apell&amp;idos</translation>
    </message>
    <message>
        <source>&amp;Given names</source>
        <translation>Nom&amp;bres</translation>
    </message>
    <message>
        <source>A&amp;liases</source>
        <translation>A&amp;lias</translation>
    </message>
    <message>
        <source>Other names used, one per line</source>
        <translation>Otros nombres usados, uno por línea</translation>
    </message>
    <message>
        <source>Date of &amp;birth</source>
        <translation>Fe&amp;cha de nacimiento</translation>
    </message>
    <message>
        <source>As far as known: YYYY-MM-DD, YYYY-MM or YYYY</source>
        <translation>Hasta donde se sepa: AAAA-MM-DD, AAAA-MM o AAAA</translation>
    </message>
    <message>
        <source>A-n&amp;umber</source>
        <translation>Nú&amp;mero A</translation>
    </message>
    <message>
        <source>Alien registration number: the letter A and 8 or 9 digits</source>
        <translation>Número de registro de extranjero: la letra A y 8 o 9 dígitos</translation>
    </message>
    <message>
        <source>Count&amp;ry of citizenship</source>
        <translation>Paí&amp;s de ciudadanía</translation>
    </message>
    <message>
        <source>Recorded for identification only; national origin is never a factor in the assessment</source>
        <translation>Se registra solo para la identificación; el origen nacional nunca es un factor en la evaluación</translation>
    </message>
    <message>
        <source>Identity &amp;documents</source>
        <translation>Documen&amp;tos de identidad</translation>
    </message>
</context>
<context>
    <name>SyncDialog</name>
    <message>
        <source>Sync with the office</source>
        <translation>Sincronizar con la oficina</translation>
    </message>
    <message>
        <source>Looking at what to sync…</source>
        <translation>Viendo qué hay que sincronizar…</translation>
    </message>
    <message>
        <source>Sync status</source>
        <translation>Estado de la sincronización</translation>
    </message>
    <message>
        <source>Goes &amp;up to the office</source>
        <translation>&amp;Sube a la oficina</translation>
    </message>
    <message>
        <source>Cases that go up to the office</source>
        <translation>Casos que suben a la oficina</translation>
    </message>
    <message>
        <source>Comes &amp;down from the office</source>
        <translation>&amp;Baja de la oficina</translation>
    </message>
    <message>
        <source>Cases that come down from the office</source>
        <translation>Casos que bajan de la oficina</translation>
    </message>
    <message>
        <source>&amp;Held back: a conflict to resolve first</source>
        <translation>&amp;Retenidos: primero hay que resolver un conflicto</translation>
    </message>
    <message>
        <source>Cases held back by a conflict</source>
        <translation>Casos retenidos por un conflicto</translation>
    </message>
    <message>
        <source>&amp;Resolve conflicts…</source>
        <translation>Resolver &amp;conflictos…</translation>
    </message>
    <message>
        <source>Records that will be refused</source>
        <translation>Registros que se rechazarán</translation>
    </message>
    <message>
        <source>Sync progress</source>
        <translation>Progreso de la sincronización</translation>
    </message>
    <message>
        <source>&amp;Sync now</source>
        <translation>S&amp;incronizar ahora</translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation>C&amp;ancelar</translation>
    </message>
    <message>
        <source>Reading the office…</source>
        <translation>Leyendo la oficina…</translation>
    </message>
    <message>
        <source>Nothing changed here since the last sync.</source>
        <translation>Aquí no ha cambiado nada desde la última sincronización.</translation>
    </message>
    <message>
        <source>Nothing new at the office.</source>
        <translation>No hay nada nuevo en la oficina.</translation>
    </message>
    <message numerus="yes">
        <source>Goes &amp;up to the office: %n case(s)</source>
        <translation>
            <numerusform>&amp;Sube a la oficina: %n caso</numerusform>
            <numerusform>&amp;Sube a la oficina: %n casos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Comes &amp;down from the office: %n case(s)</source>
        <translation>
            <numerusform>&amp;Baja de la oficina: %n caso</numerusform>
            <numerusform>&amp;Baja de la oficina: %n casos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Goes up: %n case(s).</source>
        <translation>
            <numerusform>Sube: %n caso.</numerusform>
            <numerusform>Suben: %n casos.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Comes down: %n case(s).</source>
        <translation>
            <numerusform>Baja: %n caso.</numerusform>
            <numerusform>Bajan: %n casos.</numerusform>
        </translation>
    </message>
    <message>
        <source>Sync now?</source>
        <translation>¿Sincronizar ahora?</translation>
    </message>
    <message>
        <source> (deleted here: it comes back)</source>
        <translation> (eliminado aquí: vuelve)</translation>
    </message>
    <message numerus="yes">
        <source>&amp;Held back until a person chooses (a conflict): %n case(s)</source>
        <translation>
            <numerusform>&amp;Retenido hasta que una persona elija (un conflicto): %n caso</numerusform>
            <numerusform>&amp;Retenidos hasta que una persona elija (un conflicto): %n casos</numerusform>
        </translation>
    </message>
    <message>
        <source>Will be refused (recorded in the audit log):</source>
        <translation>Se rechazará (queda anotado en el registro de auditoría):</translation>
    </message>
    <message>
        <source>Nothing to send or take in. Sync anyway to compare both sides.</source>
        <translation>No hay nada que enviar ni que recibir. Sincronice de todos modos para comparar ambos lados.</translation>
    </message>
    <message>
        <source>(no name yet)</source>
        <translation>(todavía sin nombre)</translation>
    </message>
    <message>
        <source>deletion of this case</source>
        <translation>eliminación de este caso</translation>
    </message>
    <message>
        <source> (new here)</source>
        <translation> (nuevo aquí)</translation>
    </message>
    <message>
        <source>Syncing… Cancel stops between two steps; nothing half-done is kept.</source>
        <translation>Sincronizando… Cancelar se detiene entre dos pasos; no se conserva nada a medio hacer.</translation>
    </message>
    <message>
        <source>Taking in what is new at the office…</source>
        <translation>Recibiendo lo nuevo de la oficina…</translation>
    </message>
    <message>
        <source>Sending what changed here…</source>
        <translation>Enviando lo que cambió aquí…</translation>
    </message>
    <message>
        <source>Working…</source>
        <translation>Trabajando…</translation>
    </message>
    <message>
        <source>%1 of %2 steps</source>
        <translation>%1 de %2 pasos</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>C&amp;errar</translation>
    </message>
    <message>
        <source>Sync &amp;again</source>
        <translation>Sincronizar de &amp;nuevo</translation>
    </message>
    <message>
        <source>Sync cancelled. What was already sent or taken in is kept on both sides; the next sync carries on from there.</source>
        <translation>Sincronización cancelada. Lo que ya se envió o recibió se conserva en ambos lados; la próxima sincronización continúa desde ahí.</translation>
    </message>
    <message>
        <source>The office went out of reach during the sync: %1 What was already sent or taken in is kept on both sides; the next sync carries on from there.</source>
        <translation>La oficina dejó de estar al alcance durante la sincronización: %1 Lo que ya se envió o recibió se conserva en ambos lados; la próxima sincronización continúa desde ahí.</translation>
    </message>
    <message>
        <source>Not synced: </source>
        <translation>No se sincronizó: </translation>
    </message>
    <message>
        <source>Cannot sync now: </source>
        <translation>No se puede sincronizar ahora: </translation>
    </message>
    <message>
        <source>The sync failed; see the details.</source>
        <translation>La sincronización falló; vea los detalles.</translation>
    </message>
    <message>
        <source>Stopping the sync after the current step…</source>
        <translation>Deteniendo la sincronización después del paso actual…</translation>
    </message>
</context>
<context>
    <name>SyncState</name>
    <message>
        <source>Synced</source>
        <translation>Sincronizado</translation>
    </message>
    <message>
        <source>Changed</source>
        <translation>Modificado</translation>
    </message>
    <message>
        <source>Conflict</source>
        <translation>Conflicto</translation>
    </message>
    <message>
        <source>Sync error</source>
        <translation>Error de sincronización</translation>
    </message>
    <message>
        <source>New: concurred</source>
        <translation>Nuevo: con conformidad</translation>
    </message>
    <message>
        <source>New: returned</source>
        <translation>Nuevo: devuelto</translation>
    </message>
    <message>
        <source>New: non-concurred</source>
        <translation>Nuevo: sin conformidad</translation>
    </message>
</context>
<context>
    <name>SyncSummary</name>
    <message numerus="yes">
        <source>Synced: %n sent</source>
        <translation>
            <numerusform>Sincronizado: %n enviado</numerusform>
            <numerusform>Sincronizado: %n enviados</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n taken in</source>
        <translation>
            <numerusform>%n recibido</numerusform>
            <numerusform>%n recibidos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n merged</source>
        <translation>
            <numerusform>%n fusionado</numerusform>
            <numerusform>%n fusionados</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n conflict(s) to resolve</source>
        <translation>
            <numerusform>%n conflicto por resolver</numerusform>
            <numerusform>%n conflictos por resolver</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n refused (see the audit log)</source>
        <translation>
            <numerusform>%n rechazado (vea el registro de auditoría)</numerusform>
            <numerusform>%n rechazados (vea el registro de auditoría)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n waiting</source>
        <translation>
            <numerusform>%n en espera</numerusform>
            <numerusform>%n en espera</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n case(s) with your changes not sent</source>
        <translation>
            <numerusform>%n caso con cambios suyos sin enviar</numerusform>
            <numerusform>%n casos con cambios suyos sin enviar</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>both sides in step: %n case(s)</source>
        <translation>
            <numerusform>ambos lados sincronizados: %n caso</numerusform>
            <numerusform>ambos lados sincronizados: %n casos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n deletion(s)</source>
        <translation>
            <numerusform>, %n eliminación</numerusform>
            <numerusform>, %n eliminaciones</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n case(s) held back by a conflict that waits for a person (another sync will not settle it): Resolve conflicts…</source>
        <translation>
            <numerusform>%n caso retenido por un conflicto que espera a que una persona elija (otra sincronización no lo resuelve): Resolver conflictos…</numerusform>
            <numerusform>%n casos retenidos por un conflicto que espera a que una persona elija (otra sincronización no lo resuelve): Resolver conflictos…</numerusform>
        </translation>
    </message>
    <message>
        <source> — %1.</source>
        <translation> — %1.</translation>
    </message>
    <message>
        <source>the sides differ: sync again</source>
        <translation>los lados difieren: sincronice de nuevo</translation>
    </message>
</context>
<context>
    <name>TaskManager</name>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
</context>
<context>
    <name>TiesEdit</name>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Relationship</source>
        <translation>Parentesco</translation>
    </message>
    <message>
        <source>Status in the U.S.</source>
        <translation>Situación en EE. UU.</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notas</translation>
    </message>
    <message>
        <source>family member</source>
        <translation>familiar</translation>
    </message>
    <message>
        <source>Fa&amp;mily in the U.S.</source>
        <translation>Fa&amp;miliares en EE. UU.</translation>
    </message>
    <message>
        <source>Othe&amp;r ties</source>
        <translation>O&amp;tros vínculos</translation>
    </message>
    <message>
        <source>Work, schooling, community, caregiving, length of presence</source>
        <translation>Trabajo, estudios, comunidad, cuidado de otras personas, tiempo de permanencia</translation>
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
        <source>&amp;Try again</source>
        <translation>&amp;Reintentar</translation>
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
        <translation>Eliminado de los antecedentes</translation>
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
