<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es" sourcelanguage="en">
<context>
    <name>argparse</name>
    <message>
        <source>usage: </source>
        <translation>uso: </translation>
    </message>
    <message>
        <source>invalid choice: %(value)r (choose from %(choices)s)</source>
        <translation>opción no válida: %(value)r (elija entre %(choices)s)</translation>
    </message>
    <message>
        <source>the following arguments are required: %s</source>
        <translation>faltan los siguientes argumentos obligatorios: %s</translation>
    </message>
    <message>
        <source>unrecognized arguments: %s</source>
        <translation>argumentos no reconocidos: %s</translation>
    </message>
    <message>
        <source>argument %(argument_name)s: %(message)s</source>
        <translation>argumento %(argument_name)s: %(message)s</translation>
    </message>
    <message>
        <source>expected one argument</source>
        <translation>se esperaba un argumento</translation>
    </message>
    <message>
        <source>expected at most one argument</source>
        <translation>se esperaba como máximo un argumento</translation>
    </message>
    <message>
        <source>expected at least one argument</source>
        <translation>se esperaba al menos un argumento</translation>
    </message>
    <message>
        <source>invalid %(type)s value: %(value)r</source>
        <translation>valor %(type)s no válido: %(value)r</translation>
    </message>
    <message>
        <source>ambiguous option: %(option)s could match %(matches)s</source>
        <translation>opción ambigua: %(option)s podría ser %(matches)s</translation>
    </message>
    <message>
        <source>not allowed with argument %s</source>
        <translation>no se permite junto con el argumento %s</translation>
    </message>
    <message>
        <source>one of the arguments %s is required</source>
        <translation>se requiere uno de los argumentos %s</translation>
    </message>
    <message>
        <source>show this help message and exit</source>
        <translation>muestra esta ayuda y termina</translation>
    </message>
    <message>
        <source>positional arguments</source>
        <translation>argumentos posicionales</translation>
    </message>
    <message>
        <source>options</source>
        <translation>opciones</translation>
    </message>
</context>
<context>
    <name>casework</name>
    <message>
        <source>Use at least {count} characters; several unrelated words work well.</source>
        <translation>Use al menos {count} caracteres; varias palabras sin relación entre sí funcionan bien.</translation>
    </message>
    <message>
        <source>Add another unrelated word.</source>
        <translation>Añada otra palabra sin relación con las demás.</translation>
    </message>
    <message>
        <source>Too easy to guess. {hint}</source>
        <translation>Demasiado fácil de adivinar. {hint}</translation>
    </message>
    <message>
        <source>an A-number is the letter A followed by 8 or 9 digits</source>
        <translation>un número A es la letra A seguida de 8 o 9 dígitos</translation>
    </message>
    <message>
        <source>holds invisible direction controls ({chars}) that make it read as other words; type it without them</source>
        <translation>contiene controles de dirección invisibles ({chars}) que hacen que se lea como otras palabras; escríbalo sin ellos</translation>
    </message>
    <message>
        <source>holds invisible characters that can make it read as other text ({chars}); type it with visible characters only</source>
        <translation>contiene caracteres invisibles que pueden hacer que se lea como otro texto ({chars}); escríbalo solo con caracteres visibles</translation>
    </message>
    <message>
        <source>the officer ID holds invisible control characters ({chars}), which can make it read as another ID; type it with visible characters only</source>
        <translation>la identificación de oficial contiene caracteres de control invisibles ({chars}), que pueden hacer que se lea como otra identificación; escríbala solo con caracteres visibles</translation>
    </message>
    <message>
        <source>the officer name holds invisible characters that can make it read as another name ({chars}); type it with visible characters only</source>
        <translation>el nombre del oficial contiene caracteres invisibles que pueden hacer que se lea como otro nombre ({chars}); escríbalo solo con caracteres visibles</translation>
    </message>
    <message>
        <source>a case id is 1 to 64 letters, digits, &apos;-&apos; or &apos;_&apos; (this one is not)</source>
        <translation>el identificador de un caso tiene de 1 a 64 letras, dígitos, «-» o «_» (este no)</translation>
    </message>
    <message>
        <source>{text} is not a date; use YYYY-MM-DD, YYYY-MM or YYYY</source>
        <translation>{text} no es una fecha; use AAAA-MM-DD, AAAA-MM o AAAA</translation>
    </message>
    <message>
        <source>is {n} characters long; the limit is {limit}</source>
        <translation>tiene {n} caracteres; el límite es {limit}</translation>
    </message>
    <message>
        <source>contains a NUL character</source>
        <translation>contiene un carácter NUL</translation>
    </message>
    <message>
        <source>is before the arrest date</source>
        <translation>es anterior a la fecha del arresto</translation>
    </message>
    <message>
        <source>holds a broken character (an unpaired surrogate, often from a wrongly converted file); retype or fix the text</source>
        <translation>contiene un carácter dañado (un sustituto UTF-16 sin pareja, a menudo de un archivo mal convertido); vuelva a escribir o corrija el texto</translation>
    </message>
    <message>
        <source>submitted</source>
        <translation>presentado</translation>
    </message>
    <message>
        <source>reviewed</source>
        <translation>revisado</translation>
    </message>
    <message>
        <source>reopened</source>
        <translation>reabierto</translation>
    </message>
    <message>
        <source>it is {status}, so it cannot be {step} now</source>
        <translation>está en estado «{status}», así que ahora no puede ser {step}</translation>
    </message>
    <message>
        <source>only {officer}, who submitted it, or a supervisor can reopen it</source>
        <translation>solo {officer}, quien lo presentó, o un supervisor pueden reabrirlo</translation>
    </message>
    <message>
        <source>it was submitted by {officer}; only that officer can change or resubmit it</source>
        <translation>lo presentó {officer}; solo ese oficial puede modificarlo o volver a presentarlo</translation>
    </message>
    <message>
        <source>start the assessment before submitting</source>
        <translation>inicie la evaluación antes de presentarla</translation>
    </message>
    <message>
        <source>{count} item(s) must be addressed before submitting</source>
        <translation>hay que resolver {count} punto(s) pendiente(s) antes de presentar</translation>
    </message>
    <message>
        <source>the {what} holds invisible direction controls ({chars}) that make it read as other words; type it without them</source>
        <translation>el {what} contiene controles de dirección invisibles ({chars}) que hacen que se lea como otras palabras; escríbalo sin ellos</translation>
    </message>
    <message>
        <source>comment</source>
        <translation>comentario</translation>
    </message>
    <message>
        <source>reason</source>
        <translation>motivo</translation>
    </message>
    <message>
        <source>only a supervisor profile can review a case</source>
        <translation>solo un perfil de supervisor puede revisar un caso</translation>
    </message>
    <message>
        <source>the officer who submitted a case cannot review it; a supervisor must</source>
        <translation>el oficial que presentó un caso no puede revisarlo; debe hacerlo un supervisor</translation>
    </message>
    <message>
        <source>say why, in the comment, when returning or not concurring</source>
        <translation>indique el motivo en el comentario al devolver el caso o al declararse no conforme</translation>
    </message>
    <message>
        <source>say why the case is reopened</source>
        <translation>indique por qué se reabre el caso</translation>
    </message>
    <message>
        <source>in force</source>
        <translation>vigente</translation>
    </message>
    <message>
        <source>not in force on {day}: {note}</source>
        <translation>no vigente el {day}: {note}</translation>
    </message>
    <message>
        <source>not yet in force on {day} (effective {effective})</source>
        <translation>aún no vigente el {day} (en vigor desde el {effective})</translation>
    </message>
    <message>
        <source>not in force on {day}</source>
        <translation>no vigente el {day}</translation>
    </message>
    <message>
        <source>JPEG image</source>
        <translation>imagen JPEG</translation>
    </message>
    <message>
        <source>PNG image</source>
        <translation>imagen PNG</translation>
    </message>
    <message>
        <source>GIF image</source>
        <translation>imagen GIF</translation>
    </message>
    <message>
        <source>TIFF image</source>
        <translation>imagen TIFF</translation>
    </message>
    <message>
        <source>HEIC photo</source>
        <translation>foto HEIC</translation>
    </message>
    <message>
        <source>PDF document</source>
        <translation>documento PDF</translation>
    </message>
    <message>
        <source>photos and scans (JPEG, PNG, GIF, TIFF, HEIC) and PDF documents</source>
        <translation>fotos y escaneos (JPEG, PNG, GIF, TIFF, HEIC) y documentos PDF</translation>
    </message>
    <message>
        <source>“{name}” is empty; there is nothing to attach.</source>
        <translation>«{name}» está vacío; no hay nada que adjuntar.</translation>
    </message>
    <message>
        <source>“{name}” is not a file Casefile can attach: only {accepted} are accepted (the type is read from the content, not the name).</source>
        <translation>«{name}» no es un archivo que Casefile pueda adjuntar: solo se aceptan {accepted} (el tipo se lee del contenido, no del nombre).</translation>
    </message>
    <message>
        <source>{n} bytes</source>
        <translation>{n} bytes</translation>
    </message>
    <message>
        <source>{size} ({n} bytes)</source>
        <translation>{size} ({n} bytes)</translation>
    </message>
    <message>
        <source>“{name}” is {size}; attachments are limited to {limit}. Scan at a lower resolution or split the document.</source>
        <translation>«{name}» ocupa {size}; los adjuntos están limitados a {limit}. Escanee con menos resolución o divida el documento.</translation>
    </message>
    <message>
        <source>1 byte</source>
        <translation>1 byte</translation>
    </message>
    <message>
        <source>{n} KB</source>
        <translation>{n} KB</translation>
    </message>
    <message>
        <source>{n} MB</source>
        <translation>{n} MB</translation>
    </message>
    <message>
        <source>{n} GB</source>
        <translation>{n} GB</translation>
    </message>
    <message>
        <source>is not a SHA-256 in lowercase hex (64 characters)</source>
        <translation>no es un SHA-256 en hexadecimal en minúsculas (64 caracteres)</translation>
    </message>
    <message>
        <source>{type} is not a type Casefile attaches</source>
        <translation>{type} no es un tipo que Casefile adjunte</translation>
    </message>
    <message>
        <source>must be between 1 byte and {size}</source>
        <translation>debe ocupar entre 1 byte y {size}</translation>
    </message>
    <message>
        <source>must be 1 to {n} characters without control characters</source>
        <translation>debe tener de 1 a {n} caracteres sin caracteres de control</translation>
    </message>
    <message>
        <source>is longer than {n} characters</source>
        <translation>tiene más de {n} caracteres</translation>
    </message>
    <message>
        <source>use YYYY-MM-DD, YYYY-MM or YYYY</source>
        <translation>use AAAA-MM-DD, AAAA-MM o AAAA</translation>
    </message>
    <message>
        <source>year {year} is out of range</source>
        <translation>el año {year} está fuera del intervalo admitido</translation>
    </message>
    <message>
        <source>month {month} does not exist</source>
        <translation>el mes {month} no existe</translation>
    </message>
    <message>
        <source>{text} is not a calendar date</source>
        <translation>{text} no es una fecha del calendario</translation>
    </message>
    <message>
        <source>{name}: not a disclosure profile (format {format}, version 1)</source>
        <translation>{name}: no es un perfil de divulgación (formato {format}, versión 1)</translation>
    </message>
    <message>
        <source>{name}: withhold[{i}].field {field} is not a field of a case file</source>
        <translation>{name}: withhold[{i}].field {field} no es un campo de un expediente</translation>
    </message>
    <message>
        <source>{name}: not a valid disclosure profile ({problem})</source>
        <translation>{name}: no es un perfil de divulgación válido ({problem})</translation>
    </message>
    <message>
        <source>there is no disclosure profile for {recipient} (known: {known})</source>
        <translation>no hay ningún perfil de divulgación para {recipient} (conocidos: {known})</translation>
    </message>
    <message>
        <source>a copy needs the recipient&apos;s name</source>
        <translation>una copia necesita el nombre del destinatario</translation>
    </message>
    <message>
        <source>the recipient&apos;s name is {n} characters long; at most {limit} fit the page header</source>
        <translation>el nombre del destinatario tiene {n} caracteres; en el encabezado de la página caben como máximo {limit}</translation>
    </message>
    <message>
        <source>The encounter date is not recorded, so no policy is proposed: record the date of the encounter, or choose the policy to assess under.</source>
        <translation>No consta la fecha del encuentro, por lo que no se propone ninguna política: registre la fecha del encuentro o elija la política con la que evaluar.</translation>
    </message>
    <message>
        <source>{policy} ({version}) was in force on {day}, the date of the encounter.</source>
        <translation>{policy} ({version}) estaba en vigor el {day}, la fecha del encuentro.</translation>
    </message>
    <message>
        <source>{reason} {note}</source>
        <translation>{reason} {note}</translation>
    </message>
    <message>
        <source>{policy} ({version}) was {status}</source>
        <translation>{policy} ({version}): {status}</translation>
    </message>
    <message>
        <source>No policy Casefile knows was in force on {day}, the date of the encounter ({standing}). Choose the policy to assess under.</source>
        <translation>Ninguna política que Casefile conozca estaba en vigor el {day}, la fecha del encuentro ({standing}). Elija la política con la que evaluar.</translation>
    </message>
    <message>
        <source>the category is new in this version</source>
        <translation>la categoría es nueva en esta versión</translation>
    </message>
    <message>
        <source>the category&apos;s words or prongs changed</source>
        <translation>cambió el texto o los supuestos de la categoría</translation>
    </message>
    <message>
        <source>the factor is new in this version</source>
        <translation>el factor es nuevo en esta versión</translation>
    </message>
    <message>
        <source>the factor&apos;s words changed</source>
        <translation>cambió el texto del factor</translation>
    </message>
    <message>
        <source>these record types are not in this version as they were</source>
        <translation>estos tipos de registro no figuran en esta versión como estaban</translation>
    </message>
    <message>
        <source>the determination is not in this version as it was</source>
        <translation>la determinación no figura en esta versión como estaba</translation>
    </message>
    <message>
        <source>the never-factors differ in this version: attest again</source>
        <translation>los factores prohibidos difieren en esta versión: vuelva a declararlo</translation>
    </message>
    <message>
        <source>attested under the earlier version</source>
        <translation>declarado según la versión anterior</translation>
    </message>
    <message>
        <source>the question is new in this version</source>
        <translation>la pregunta es nueva en esta versión</translation>
    </message>
    <message>
        <source>the question changed</source>
        <translation>la pregunta cambió</translation>
    </message>
    <message>
        <source>the category “{label}” is not part of this version</source>
        <translation>la categoría «{label}» no forma parte de esta versión</translation>
    </message>
    <message>
        <source>the factor “{label}” ({id}) is not part of this version</source>
        <translation>el factor «{label}» ({id}) no forma parte de esta versión</translation>
    </message>
    <message>
        <source>the question “{label}” is not part of this version</source>
        <translation>la pregunta «{label}» no forma parte de esta versión</translation>
    </message>
    <message>
        <source>this version takes no other factor of the kind {kind}</source>
        <translation>esta versión no admite otros factores del tipo {kind}</translation>
    </message>
    <message>
        <source>basis: {text}</source>
        <translation>fundamento: {text}</translation>
    </message>
    <message>
        <source>evidence: {text}</source>
        <translation>pruebas: {text}</translation>
    </message>
    <message>
        <source>source: {text}</source>
        <translation>fuente: {text}</translation>
    </message>
    <message>
        <source>not answered</source>
        <translation>sin responder</translation>
    </message>
    <message>
        <source>there is no assessment to re-assess; start one</source>
        <translation>no hay ninguna evaluación que volver a evaluar; inicie una</translation>
    </message>
    <message>
        <source>case {number} is {status}: reopen it before re-assessing</source>
        <translation>el caso {number} está en estado «{status}»: reábralo antes de volver a evaluarlo</translation>
    </message>
    <message>
        <source>the assessment was made under {made} version {version}, not {old} version {old_version}</source>
        <translation>la evaluación se hizo con {made} versión {version}, no con {old} versión {old_version}</translation>
    </message>
    <message>
        <source>the assessment is already under {title} ({version})</source>
        <translation>la evaluación ya está según {title} ({version})</translation>
    </message>
    <message>
        <source>{field}: is not part of format_version {version} (use {use})</source>
        <translation>{field}: no forma parte de format_version {version} (use {use})</translation>
    </message>
    <message>
        <source>not UTF-8 text</source>
        <translation>no es texto UTF-8</translation>
    </message>
    <message>
        <source>not valid JSON (line {line}, column {column}: {problem})</source>
        <translation>no es JSON válido (línea {line}, columna {column}: {problem})</translation>
    </message>
    <message>
        <source>not a Casefile case (expected &quot;format&quot;: &quot;{format}&quot;)</source>
        <translation>no es un caso de Casefile (se esperaba &quot;format&quot;: &quot;{format}&quot;)</translation>
    </message>
    <message>
        <source>{field}: is not a known field (a case file holds format, format_version and case)</source>
        <translation>{field}: no es un campo conocido (un archivo de caso contiene format, format_version y case)</translation>
    </message>
    <message>
        <source>format_version {version} is not supported; this program reads versions {versions}</source>
        <translation>format_version {version} no es compatible; este programa lee las versiones {versions}</translation>
    </message>
    <message>
        <source>&quot;case&quot; must be an object</source>
        <translation>&quot;case&quot; debe ser un objeto</translation>
    </message>
    <message>
        <source>&quot;attachments&quot; must be an object of base64 content by SHA-256</source>
        <translation>&quot;attachments&quot; debe ser un objeto con el contenido en base64 por SHA-256</translation>
    </message>
    <message>
        <source>attachments.{sha}: is not a SHA-256 in lowercase hex</source>
        <translation>attachments.{sha}: no es un SHA-256 en hexadecimal en minúsculas</translation>
    </message>
    <message>
        <source>attachments.{sha}: is not base64 text</source>
        <translation>attachments.{sha}: no es texto base64</translation>
    </message>
    <message>
        <source>attachments.{sha}: the content does not match its SHA-256 (altered or damaged)</source>
        <translation>attachments.{sha}: el contenido no coincide con su SHA-256 (alterado o dañado)</translation>
    </message>
    <message>
        <source>case.attachments[{i}]: its content ({sha}…) is not in the file</source>
        <translation>case.attachments[{i}]: su contenido ({sha}…) no está en el archivo</translation>
    </message>
    <message>
        <source>attachments.{sha}: is not cited by the case</source>
        <translation>attachments.{sha}: el caso no lo cita</translation>
    </message>
</context>
<context>
    <name>checks</name>
    <message>
        <source>answer whether “{label}” applies</source>
        <translation>responda si «{label}» se aplica</translation>
    </message>
    <message>
        <source>give the basis for finding “{label}”</source>
        <translation>indique el fundamento de la conclusión sobre «{label}»</translation>
    </message>
    <message>
        <source>answer “{label}”</source>
        <translation>responda «{label}»</translation>
    </message>
    <message>
        <source>“{question}”: {value} is not a date; use YYYY-MM-DD</source>
        <translation>«{question}»: {value} no es una fecha; use AAAA-MM-DD</translation>
    </message>
    <message>
        <source>“{category}” is marked “{finding}”, but “{question}” is answered “{option}”</source>
        <translation>«{category}» está marcada como «{finding}», pero en «{question}» se respondió «{option}»</translation>
    </message>
    <message>
        <source>“{category}” is marked “{finding}”, but the facts meet {prong}: {facts}</source>
        <translation>«{category}» está marcada como «{finding}», pero los hechos cumplen {prong}: {facts}</translation>
    </message>
    <message>
        <source>the facts meet {prong} ({facts}): answer whether “{category}” applies</source>
        <translation>los hechos cumplen {prong} ({facts}): responda si «{category}» se aplica</translation>
    </message>
    <message>
        <source>{prong}: not met ({facts})</source>
        <translation>{prong}: no se cumple ({facts})</translation>
    </message>
    <message>
        <source>“{category}” is marked “{finding}”, but the facts meet none of its prongs: {why}</source>
        <translation>«{category}» está marcada como «{finding}», pero los hechos no cumplen ninguno de sus supuestos: {why}</translation>
    </message>
    <message>
        <source>the {fact} ({date}) is exactly the cutoff date {day} (“{word}”): review whether {prong} is met, and acknowledge with a note.</source>
        <translation>{fact} ({date}) coincide exactamente con la fecha límite {day} («{word}»): revise si se cumple {prong} y confírmelo con una nota.</translation>
    </message>
    <message>
        <source>the {fact} ({date}, {precision} only) may fall either side of the cutoff {day} (“{word}”): review whether {prong} is met, and acknowledge with a note.</source>
        <translation>{fact} ({date}, solo {precision}) puede quedar a uno u otro lado de la fecha límite {day} («{word}»): revise si se cumple {prong} y confírmelo con una nota.</translation>
    </message>
    <message>
        <source>{item} {note}</source>
        <translation>{item} {note}</translation>
    </message>
    <message>
        <source>the {fact} ({date}) is {word} the cutoff of {day}: answer whether “{category}” applies under {prong}, or that it does not, with the reason in the basis</source>
        <translation>{fact} ({date}) es {word} la fecha límite del {day}: responda si «{category}» se aplica según {prong}, o que no se aplica, con el motivo en el fundamento</translation>
    </message>
    <message>
        <source>the {fact} ({date}) is {word} the cutoff of {day}: say in the basis why “{category}” does not apply</source>
        <translation>{fact} ({date}) es {word} la fecha límite del {day}: indique en el fundamento por qué «{category}» no se aplica</translation>
    </message>
    <message>
        <source>{fact} {date} ({word} {day})</source>
        <translation>{fact} {date} ({word} {day})</translation>
    </message>
    <message>
        <source>{fact} {date} (not {word} {day})</source>
        <translation>{fact} {date} (no {word} {day})</translation>
    </message>
    <message>
        <source>{fact} {date} (the cutoff date itself: {word} {day})</source>
        <translation>{fact} {date} (la propia fecha límite: {word} {day})</translation>
    </message>
    <message>
        <source>{fact} {date} (the cutoff date itself: not {word} {day})</source>
        <translation>{fact} {date} (la propia fecha límite: no {word} {day})</translation>
    </message>
    <message>
        <source>{fact} {date} (not known against {day})</source>
        <translation>{fact} {date} (no se sabe respecto del {day})</translation>
    </message>
    <message>
        <source>mark “{label}” as {present}, {absent} or {unknown}</source>
        <translation>marque «{label}» como {present}, {absent} o {unknown}</translation>
    </message>
    <message>
        <source>“{label}” is marked {present}: name the evidence</source>
        <translation>«{label}» está marcado como {present}: indique las pruebas</translation>
    </message>
    <message>
        <source>describe the other factor</source>
        <translation>describa el otro factor</translation>
    </message>
    <message>
        <source>the other factor “{description}” names {never_factor} (“{said}”), which can never be a factor: it cannot be weighed. Remove it from the factors; a fact that matters for another reason belongs in the evidence or the notes</source>
        <translation>el otro factor «{description}» nombra {never_factor} («{said}»), que nunca puede ser un factor: no puede ponderarse. Quítelo de los factores; un hecho que importe por otro motivo va en las pruebas o en las notas</translation>
    </message>
    <message>
        <source>the other factor “{description}” needs its evidence</source>
        <translation>el otro factor «{description}» necesita sus pruebas</translation>
    </message>
    <message>
        <source>pending</source>
        <translation>pendiente</translation>
    </message>
    <message>
        <source>convicted</source>
        <translation>condenado</translation>
    </message>
    <message>
        <source>acquitted</source>
        <translation>absuelto</translation>
    </message>
    <message>
        <source>dismissed</source>
        <translation>sobreseído</translation>
    </message>
    <message>
        <source>vacated</source>
        <translation>anulada</translation>
    </message>
    <message>
        <source>expunged</source>
        <translation>eliminada de los antecedentes</translation>
    </message>
    <message>
        <source>“{charge}” ({disposition})</source>
        <translation>«{charge}» ({disposition})</translation>
    </message>
    <message>
        <source>offense</source>
        <translation>delito</translation>
    </message>
    <message>
        <source>{offenses} must not be weighed as “{factor}”: make sure the evidence rests on another conviction</source>
        <translation>{offenses} no debe ponderarse como «{factor}»: asegúrese de que las pruebas se basan en otra condena</translation>
    </message>
    <message>
        <source>“{factor}” is marked present, but the only offense behind it is {offenses}</source>
        <translation>«{factor}» está marcado como presente, pero el único delito en que se basa es {offenses}</translation>
    </message>
    <message>
        <source>the rationale does not address “{label}” ({id}): name it, or a phrase the policy lists for it</source>
        <translation>la justificación no trata «{label}» ({id}): nómbrelo, o use una frase que la política indique para él</translation>
    </message>
    <message>
        <source>the rationale does not address the other factor “{description}”: name it as written</source>
        <translation>la justificación no trata el otro factor «{description}»: nómbrelo tal como está escrito</translation>
    </message>
    <message>
        <source>the assessment has not been started</source>
        <translation>la evaluación no se ha iniciado</translation>
    </message>
    <message>
        <source>attest that none of {never_factors} was considered</source>
        <translation>declare que no se tuvo en cuenta ninguno de estos elementos: {never_factors}</translation>
    </message>
    <message>
        <source>this assessment was made under {policy_id} version {version}, not {title} ({title_version})</source>
        <translation>esta evaluación se hizo con {policy_id} versión {version}, no con {title} ({title_version})</translation>
    </message>
    <message>
        <source>the text of {title} ({version}) differs from the one this assessment was made under</source>
        <translation>el texto de {title} ({version}) difiere del texto con que se hizo esta evaluación</translation>
    </message>
    <message>
        <source>enter the date of the assessment</source>
        <translation>indique la fecha de la evaluación</translation>
    </message>
    <message>
        <source>the policy was {status}: check which guidance applied on that date</source>
        <translation>situación de la política: {status}; compruebe qué orientación se aplicaba en esa fecha</translation>
    </message>
    <message>
        <source>{title} ({version})</source>
        <translation>{title} ({version})</translation>
    </message>
    <message>
        <source>category {id} is not a category of {policy}</source>
        <translation>la categoría {id} no es una categoría de {policy}</translation>
    </message>
    <message>
        <source>category {id} is answered twice</source>
        <translation>la categoría {id} está respondida dos veces</translation>
    </message>
    <message>
        <source>factor {id} is not a factor of {policy}</source>
        <translation>el factor {id} no es un factor de {policy}</translation>
    </message>
    <message>
        <source>factor {id} is answered twice</source>
        <translation>el factor {id} está respondido dos veces</translation>
    </message>
    <message>
        <source>question {id} is not a question of {policy}</source>
        <translation>la pregunta {id} no es una pregunta de {policy}</translation>
    </message>
    <message>
        <source>question {id} is answered twice</source>
        <translation>la pregunta {id} está respondida dos veces</translation>
    </message>
    <message>
        <source>“{question}” takes a list of choices, not text</source>
        <translation>«{question}» admite una lista de opciones, no texto</translation>
    </message>
    <message>
        <source>“{question}” takes one answer, not a list</source>
        <translation>«{question}» admite una sola respuesta, no una lista</translation>
    </message>
    <message>
        <source>{value} is not an answer to “{question}”</source>
        <translation>{value} no es una respuesta a «{question}»</translation>
    </message>
    <message>
        <source>none</source>
        <translation>ninguno</translation>
    </message>
    <message>
        <source>choose what kind of factor “{description}” is ({kinds})</source>
        <translation>elija qué tipo de factor es «{description}» ({kinds})</translation>
    </message>
    <message>
        <source>this other factor</source>
        <translation>este otro factor</translation>
    </message>
    <message>
        <source>{kind} is not a kind of other factor under {policy} (kinds: {kinds})</source>
        <translation>{kind} no es un tipo de otro factor según {policy} (tipos: {kinds})</translation>
    </message>
    <message>
        <source>record which records you reviewed</source>
        <translation>indique qué registros examinó</translation>
    </message>
    <message>
        <source>{records} is not a record type of this policy</source>
        <translation>{records} no es un tipo de registro de esta política</translation>
    </message>
    <message>
        <source> and </source>
        <translation> y </translation>
    </message>
    <message>
        <source>only a {records} was reviewed: obtain and review the full criminal and administrative record, aggravating and mitigating alike</source>
        <translation>solo se examinó {records}: obtenga y examine los antecedentes penales y administrativos completos, tanto agravantes como atenuantes</translation>
    </message>
    <message>
        <source>{flag} Describe it in the encounter details.</source>
        <translation>{flag} Descríbalo en los detalles del encuentro.</translation>
    </message>
    <message>
        <source>choose the determination</source>
        <translation>elija la determinación</translation>
    </message>
    <message>
        <source>{determination} is not a determination of this policy</source>
        <translation>{determination} no es una determinación de esta política</translation>
    </message>
    <message>
        <source>{detail}?</source>
        <translation>{detail}?</translation>
    </message>
    <message>
        <source>write the rationale for the determination</source>
        <translation>redacte la justificación de la determinación</translation>
    </message>
    <message>
        <source>re-assessed from version {version}: {reason}.</source>
        <translation>vuelto a evaluar desde la versión {version}: {reason}.</translation>
    </message>
    <message>
        <source>{item} Before: {previous}</source>
        <translation>{item} Antes: {previous}</translation>
    </message>
    <message>
        <source>re-assessed under {title} ({version}) from {from_id} version {from_version} on {on}: {n} answer(s) were not carried over or changed meaning and are marked. Check every answer against this version, then acknowledge.</source>
        <translation>vuelto a evaluar con {title} ({version}) desde {from_id} versión {from_version} el {on}: {n} respuesta(s) no se trasladaron o cambiaron de sentido y están marcadas. Compruebe cada respuesta con esta versión y después confírmelo.</translation>
    </message>
    <message>
        <source>re-assessed under {title} ({version}) from {from_id} version {from_version}: {n} answer(s) were not carried over or changed meaning and are marked. Check every answer against this version, then acknowledge.</source>
        <translation>vuelto a evaluar con {title} ({version}) desde {from_id} versión {from_version}: {n} respuesta(s) no se trasladaron o cambiaron de sentido y están marcadas. Compruebe cada respuesta con esta versión y después confírmelo.</translation>
    </message>
    <message>
        <source>the {field} mentions “{said}”, which can point to {never_factor} — never a factor in deciding to take enforcement action. This is a check for you, not a finding: if it is mentioned only as something else (a citation, a name, a place, part of the record), acknowledge it with a note saying so (“mentioned only as …”)</source>
        <translation>{field} menciona «{said}», que puede apuntar a {never_factor}, que nunca es un factor para decidir una medida de control migratorio. Es una comprobación para usted, no una conclusión: si se menciona solo como otra cosa (una cita, un nombre, un lugar, parte del expediente), confírmelo con una nota que lo diga («mencionado solo como …»)</translation>
    </message>
    <message>
        <source>records note</source>
        <translation>la nota sobre los registros</translation>
    </message>
    <message>
        <source>basis for “{label}”</source>
        <translation>el fundamento de «{label}»</translation>
    </message>
    <message>
        <source>evidence for “{label}”</source>
        <translation>las pruebas de «{label}»</translation>
    </message>
    <message>
        <source>“{label}”</source>
        <translation>«{label}»</translation>
    </message>
    <message>
        <source>source for “{label}”</source>
        <translation>la fuente de «{label}»</translation>
    </message>
    <message>
        <source>evidence for the other factor “{description}”</source>
        <translation>las pruebas del otro factor «{description}»</translation>
    </message>
    <message>
        <source>source for the other factor “{description}”</source>
        <translation>la fuente del otro factor «{description}»</translation>
    </message>
    <message>
        <source>determination detail</source>
        <translation>el detalle de la determinación</translation>
    </message>
    <message>
        <source>rationale</source>
        <translation>la justificación</translation>
    </message>
    <message>
        <source>after</source>
        <translation>posterior a</translation>
    </message>
    <message>
        <source>on or after</source>
        <translation>igual o posterior a</translation>
    </message>
    <message>
        <source>last entry</source>
        <translation>la última entrada</translation>
    </message>
    <message>
        <source>Cutoff: {word} {cut}. The {what} date is not recorded.</source>
        <translation>Fecha límite: {word} {cut}. No consta la fecha de {what}.</translation>
    </message>
    <message>
        <source>The {what} ({value}) is exactly the cutoff date {cut} (qualifies as “{word}”).</source>
        <translation>{what} ({value}) coincide exactamente con la fecha límite {cut} (cuenta como «{word}»).</translation>
    </message>
    <message>
        <source>The {what} ({value}) is exactly the cutoff date {cut} (does not qualify as “{word}”).</source>
        <translation>{what} ({value}) coincide exactamente con la fecha límite {cut} (no cuenta como «{word}»).</translation>
    </message>
    <message>
        <source>The {what} ({value}) is {word} the cutoff of {cut}.</source>
        <translation>{what} ({value}) es {word} la fecha límite del {cut}.</translation>
    </message>
    <message>
        <source>The {what} ({value}) is not {word} the cutoff of {cut}.</source>
        <translation>{what} ({value}) no es {word} la fecha límite del {cut}.</translation>
    </message>
    <message>
        <source>The {what} ({value}, {precision} only) may fall either side of the cutoff of {cut}.</source>
        <translation>{what} ({value}, solo {precision}) puede quedar a uno u otro lado de la fecha límite del {cut}.</translation>
    </message>
    <message>
        <source>{date} ({precision} date)</source>
        <translation>{date} (fecha: {precision})</translation>
    </message>
    <message>
        <source>{fact}: {value}</source>
        <translation>{fact}: {value}</translation>
    </message>
    <message>
        <source>not recorded</source>
        <translation>no consta</translation>
    </message>
    <message>
        <source>exact</source>
        <translation>exacta</translation>
    </message>
    <message>
        <source>month</source>
        <translation>mes</translation>
    </message>
    <message>
        <source>year</source>
        <translation>año</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>desconocida</translation>
    </message>
    <message>
        <source>where apprehended</source>
        <translation>el lugar de la aprehensión</translation>
    </message>
    <message>
        <source>manner of entry</source>
        <translation>la forma de entrada</translation>
    </message>
    <message>
        <source>encounter date</source>
        <translation>la fecha del encuentro</translation>
    </message>
    <message>
        <source>how the case came to attention</source>
        <translation>cómo llegó el caso a conocimiento</translation>
    </message>
</context>
<context>
    <name>cli</name>
    <message>
        <source>{problem} (see &apos;{prog} --help&apos;)</source>
        <translation>{problem} (consulte &apos;{prog} --help&apos;)</translation>
    </message>
    <message>
        <source>the app cannot be started from here</source>
        <translation>la aplicación no puede iniciarse desde aquí</translation>
    </message>
    <message>
        <source>cannot write to standard output: {problem}</source>
        <translation>no se puede escribir en la salida estándar: {problem}</translation>
    </message>
    <message>
        <source>interrupted</source>
        <translation>interrumpido</translation>
    </message>
    <message>
        <source>finish this command</source>
        <translation>terminar esta orden</translation>
    </message>
    <message>
        <source>unexpected {error}; nothing further was changed</source>
        <translation>{error} inesperado; no se cambió nada más</translation>
    </message>
    <message>
        <source>cannot read the passphrase file {path}: {problem}</source>
        <translation>no se puede leer el archivo de la frase de contraseña {path}: {problem}</translation>
    </message>
    <message>
        <source>the passphrase file {path} is not UTF-8 text</source>
        <translation>el archivo de la frase de contraseña {path} no es texto UTF-8</translation>
    </message>
    <message>
        <source>the passphrase file {path} is empty</source>
        <translation>el archivo de la frase de contraseña {path} está vacío</translation>
    </message>
    <message>
        <source>no passphrase given: use --passphrase-file or CASEFILE_PASSPHRASE, or run in a terminal</source>
        <translation>no se indicó ninguna frase de contraseña: use --passphrase-file o CASEFILE_PASSPHRASE, o ejecute la orden en un terminal</translation>
    </message>
    <message>
        <source>the two passphrases differ</source>
        <translation>las dos frases de contraseña no coinciden</translation>
    </message>
    <message>
        <source>{option}: {problem}</source>
        <translation>{option}: {problem}</translation>
    </message>
    <message>
        <source>Created an encrypted case store for {name} in {folder}</source>
        <translation>Se creó un almacén cifrado de casos para {name} en {folder}</translation>
    </message>
    <message>
        <source>{line}; recovery slot sealed to office recovery key {key}</source>
        <translation>{line}; ranura de recuperación sellada con la clave de recuperación de la oficina {key}</translation>
    </message>
    <message>
        <source>{line}; FIPS key slots (PBKDF2-HMAC-SHA512)</source>
        <translation>{line}; ranuras de clave FIPS (PBKDF2-HMAC-SHA512)</translation>
    </message>
    <message numerus="yes">
        <source>%n case(s)</source>
        <translation>
            <numerusform>%n caso</numerusform>
            <numerusform>%n casos</numerusform>
        </translation>
    </message>
    <message>
        <source>Exported {cases} to {folder} (plaintext: handle with care)</source>
        <translation>Exportación a {folder}: {cases} (texto sin cifrar: manéjelo con cuidado)</translation>
    </message>
    <message>
        <source>Wrote a review bundle of {number} to {path} (plaintext: handle with care)</source>
        <translation>Se escribió un paquete de revisión de {number} en {path} (texto sin cifrar: manéjelo con cuidado)</translation>
    </message>
    <message>
        <source>Exported {number} to {path} (plaintext: handle with care)</source>
        <translation>Se exportó {number} a {path} (texto sin cifrar: manéjelo con cuidado)</translation>
    </message>
    <message>
        <source>Passphrase changed.</source>
        <translation>Se cambió la frase de contraseña.</translation>
    </message>
    <message>
        <source>complete</source>
        <translation>completo</translation>
    </message>
    <message>
        <source>{count} item(s) to address</source>
        <translation>{count} punto(s) pendiente(s)</translation>
    </message>
    <message>
        <source>(no case number)</source>
        <translation>(sin número de caso)</translation>
    </message>
    <message>
        <source>[acknowledged: {note}]</source>
        <translation>[constancia: {note}]</translation>
    </message>
    <message>
        <source>[to acknowledge with a note, key {key}]</source>
        <translation>[para dejar constancia con una nota, clave {key}]</translation>
    </message>
    <message>
        <source>{path}: {field}: {problem}</source>
        <translation>{path}: {field}: {problem}</translation>
    </message>
    <message>
        <source>{path}: {problem}</source>
        <translation>{path}: {problem}</translation>
    </message>
    <message>
        <source>{option} must not be empty</source>
        <translation>{option} no puede estar vacío</translation>
    </message>
    <message>
        <source>{option}: memos cannot print {chars}; type it with letters the memo&apos;s font has</source>
        <translation>{option}: los memorandos no pueden imprimir {chars}; escríbalo con letras que tenga la fuente del memorando</translation>
    </message>
    <message>
        <source>the new passphrase is refused: {problem}</source>
        <translation>se rechaza la nueva frase de contraseña: {problem}</translation>
    </message>
    <message>
        <source>there is no case store in {folder}; run &apos;{prog} init&apos; first</source>
        <translation>no hay ningún almacén de casos en {folder}; ejecute primero &apos;{prog} init&apos;</translation>
    </message>
    <message>
        <source>{path}: import a review bundle on its own</source>
        <translation>{path}: importe un paquete de revisión por separado</translation>
    </message>
    <message>
        <source>{problem} Use --replace to save the file as its next revision.</source>
        <translation>{problem} Use --replace para guardar el archivo como su siguiente revisión.</translation>
    </message>
    <message>
        <source>name one case, or give --all with -o FOLDER</source>
        <translation>indique un caso, o use --all con -o CARPETA</translation>
    </message>
    <message>
        <source>--for-review writes one case to the file given by -o</source>
        <translation>--for-review escribe un caso en el archivo indicado con -o</translation>
    </message>
    <message>
        <source>--all needs -o FOLDER</source>
        <translation>--all requiere -o CARPETA</translation>
    </message>
    <message>
        <source>{problem} First: {item}</source>
        <translation>{problem} Primero: {item}</translation>
    </message>
    <message>
        <source>Submitted {number} (revision {revision})</source>
        <translation>Se presentó {number} (revisión {revision})</translation>
    </message>
    <message>
        <source>{number}: {status} (revision {revision})</source>
        <translation>{number}: {status} (revisión {revision})</translation>
    </message>
    <message>
        <source>Reopened {number} for editing (revision {revision})</source>
        <translation>Se reabrió {number} para editarlo (revisión {revision})</translation>
    </message>
    <message>
        <source>--older-than: give a number of days, 0 or more</source>
        <translation>--older-than: indique un número de días, 0 o más</translation>
    </message>
    <message>
        <source>No cases in the review queue match.</source>
        <translation>Ningún caso de la cola de revisión coincide.</translation>
    </message>
    <message>
        <source>The review queue is empty.</source>
        <translation>La cola de revisión está vacía.</translation>
    </message>
    <message>
        <source>Wrote {path} (a copy for {recipient} ({profile}), the disclosure logged; sealed: revision {revision}, {pages} pages)</source>
        <translation>Se escribió {path} (una copia para {recipient} ({profile}), con la divulgación registrada; sellado: revisión {revision}, {pages} páginas)</translation>
    </message>
    <message>
        <source>Wrote {path} (sealed: revision {revision}, {pages} pages)</source>
        <translation>Se escribió {path} (sellado: revisión {revision}, {pages} páginas)</translation>
    </message>
    <message>
        <source>Wrote {path} (not sealed: the case is not in the store)</source>
        <translation>Se escribió {path} (sin sellar: el caso no está en el almacén)</translation>
    </message>
    <message>
        <source>{line}, then a translated copy ({language}, {pages} pages, not sealed)</source>
        <translation>{line}, y después una copia traducida ({language}, {pages} páginas, sin sellar)</translation>
    </message>
    <message>
        <source>Recovery slot sealed to office recovery key {key}</source>
        <translation>Ranura de recuperación sellada con la clave de recuperación de la oficina {key}</translation>
    </message>
    <message>
        <source>No recovery slot: a forgotten passphrase cannot be reset (casefile recovery-slot add FILE)</source>
        <translation>No hay ranura de recuperación: una frase de contraseña olvidada no se puede restablecer (casefile recovery-slot add ARCHIVO)</translation>
    </message>
    <message>
        <source>New passphrase set for {name} ({officer_id}) with office recovery key {key}; the lockout is lifted. Recorded in the audit log.</source>
        <translation>Se estableció una nueva frase de contraseña para {name} ({officer_id}) con la clave de recuperación de la oficina {key}; se levantó el bloqueo. Queda anotado en el registro de auditoría.</translation>
    </message>
    <message>
        <source>New passphrase set for {name} ({officer_id}) with office recovery key {key}. Recorded in the audit log.</source>
        <translation>Se estableció una nueva frase de contraseña para {name} ({officer_id}) con la clave de recuperación de la oficina {key}. Queda anotado en el registro de auditoría.</translation>
    </message>
    <message>
        <source>Backed up {n} cases to {folder} (checked; encrypted with the store&apos;s key: keep it with its casefile.keys, which it contains)</source>
        <translation>Se hizo una copia de seguridad de {n} casos en {folder} (comprobada; cifrada con la clave del almacén: consérvela junto con su casefile.keys, que contiene)</translation>
    </message>
    <message>
        <source>Restored {name} ({n} cases). The store it replaced is kept in {aside}.</source>
        <translation>Se restauró {name} ({n} casos). El almacén que sustituyó se conserva en {aside}.</translation>
    </message>
    <message>
        <source>Salvaged {n} cases ({revisions} revisions) from {source} into {target}</source>
        <translation>Se rescataron {n} casos ({revisions} revisiones) de {source} en {target}</translation>
    </message>
    <message>
        <source>could not be read: {what}</source>
        <translation>no se pudo leer: {what}</translation>
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
        <source>folder</source>
        <translation>carpeta</translation>
    </message>
    <message>
        <source>office {office} ({kind}: {where})</source>
        <translation>oficina {office} ({kind}: {where})</translation>
    </message>
    <message>
        <source>removed from the office on {date}</source>
        <translation>retirado de la oficina el {date}</translation>
    </message>
    <message>
        <source>pending approval</source>
        <translation>pendiente de aprobación</translation>
    </message>
    <message>
        <source>member {member}: {state}; member list version {version}; pull cursor {cursor}</source>
        <translation>miembro {member}: {state}; lista de miembros versión {version}; cursor de recepción {cursor}</translation>
    </message>
    <message>
        <source>to push {pushing}; open conflicts {conflicts}</source>
        <translation>por enviar {pushing}; conflictos abiertos {conflicts}</translation>
    </message>
    <message>
        <source>{line}; held back by conflicts: {cases} (casefile conflicts)</source>
        <translation>{line}; retenidos por conflictos: {cases} (casefile conflicts)</translation>
    </message>
    <message>
        <source>clock: {skew}</source>
        <translation>reloj: {skew}</translation>
    </message>
    <message>
        <source>No open conflicts.</source>
        <translation>No hay conflictos abiertos.</translation>
    </message>
    <message>
        <source>say which conflict you were shown: give --digest as &apos;casefile conflicts&apos; lists it for {field} of {number}</source>
        <translation>diga qué conflicto se le mostró: dé --digest tal como «casefile conflicts» lo enumera para {field} de {number}</translation>
    </message>
    <message>
        <source>the conflict on {field} of {number} changed since it was listed (digest now {digest}); nothing was changed. Run &apos;casefile conflicts&apos; again and choose again</source>
        <translation>el conflicto sobre {field} de {number} cambió desde que se listó (ahora su resumen es {digest}); no se cambió nada. Ejecute «casefile conflicts» de nuevo y vuelva a elegir</translation>
    </message>
</context>
<context>
    <name>cli-help</name>
    <message>
        <source>Casefile: encrypted field case files. With no command, opens the app.</source>
        <translation>Casefile: expedientes de campo cifrados. Sin ninguna orden, abre la aplicación.</translation>
    </message>
    <message>
        <source>show this help message and exit</source>
        <translation>muestra esta ayuda y termina</translation>
    </message>
    <message>
        <source>the profile&apos;s folder (default: CASEFILE_DATA_DIR or the platform data directory)</source>
        <translation>la carpeta del perfil (por defecto: CASEFILE_DATA_DIR o la carpeta de datos de la plataforma)</translation>
    </message>
    <message>
        <source>read the passphrase from this file&apos;s first line (else CASEFILE_PASSPHRASE, else a prompt)</source>
        <translation>lee la frase de contraseña de la primera línea de este archivo (si no, CASEFILE_PASSPHRASE; si no, la pregunta)</translation>
    </message>
    <message>
        <source>the language of messages and help: system (the default: the profile&apos;s setting, else the system&apos;s), en or es</source>
        <translation>el idioma de los mensajes y de la ayuda: system (por defecto: el del perfil o, si no, el del sistema), en o es</translation>
    </message>
    <message>
        <source>set up a new profile and its encrypted store</source>
        <translation>configura un perfil nuevo y su almacén cifrado</translation>
    </message>
    <message>
        <source>list the cases in the store</source>
        <translation>enumera los casos del almacén</translation>
    </message>
    <message>
        <source>add cases from JSON exchange files or review bundles</source>
        <translation>añade casos desde archivos de intercambio JSON o paquetes de revisión</translation>
    </message>
    <message>
        <source>write a case as a JSON exchange file (plaintext: handle with care)</source>
        <translation>escribe un caso como archivo de intercambio JSON (texto sin cifrar: manéjelo con cuidado)</translation>
    </message>
    <message>
        <source>change the profile&apos;s passphrase (the store is not re-encrypted)</source>
        <translation>cambia la frase de contraseña del perfil (el almacén no se vuelve a cifrar)</translation>
    </message>
    <message>
        <source>list what is open or contradictory in case files&apos; assessments (exit 0 complete, 1 items open, 2 bad input)</source>
        <translation>enumera lo pendiente o contradictorio en las evaluaciones de los expedientes (salida 0 completa, 1 puntos pendientes, 2 entrada incorrecta)</translation>
    </message>
    <message>
        <source>the office store: create, join, approve members, status</source>
        <translation>el almacén de la oficina: crear, unirse, aprobar miembros, estado</translation>
    </message>
    <message>
        <source>pull from and push to the office; conflicts are kept for a person</source>
        <translation>recibe de la oficina y envía a ella; los conflictos se guardan para que los resuelva una persona</translation>
    </message>
    <message>
        <source>list the fields changed both here and at the office</source>
        <translation>enumera los campos cambiados tanto aquí como en la oficina</translation>
    </message>
    <message>
        <source>choose one side of a sync conflict</source>
        <translation>elige una de las dos versiones de un conflicto de sincronización</translation>
    </message>
    <message>
        <source>render a case&apos;s decision memo as PDF (sealed when the case is in the store)</source>
        <translation>genera en PDF el memorando de decisión de un caso (sellado cuando el caso está en el almacén)</translation>
    </message>
    <message>
        <source>say whether a memo PDF, or scans or photos of a paper copy, match the store (exit 0 match, 1 otherwise, 2 bad input)</source>
        <translation>indica si un memorando en PDF, o escaneos o fotos de una copia en papel, coinciden con el almacén (salida 0 coinciden, 1 si no, 2 entrada incorrecta)</translation>
    </message>
    <message>
        <source>submit a case for supervisor review (refused while anything blocks)</source>
        <translation>presenta un caso para la revisión del supervisor (se rechaza mientras algo lo impida)</translation>
    </message>
    <message>
        <source>a supervisor profile concurs, returns or non-concurs a submitted case</source>
        <translation>un perfil de supervisor se declara conforme, devuelve o se declara no conforme con un caso presentado</translation>
    </message>
    <message>
        <source>make a submitted or reviewed case a draft again (the reason is recorded)</source>
        <translation>vuelve a convertir en borrador un caso presentado o revisado (el motivo queda registrado)</translation>
    </message>
    <message>
        <source>a case&apos;s status and its latest review decision (stale when the case changed after it); opening it clears a new-decision notice</source>
        <translation>el estado de un caso y su última decisión de revisión (desactualizada si el caso cambió después); abrirlo quita el aviso de decisión nueva</translation>
    </message>
    <message>
        <source>the review queue: submitted cases, oldest first (filters combine)</source>
        <translation>la cola de revisión: casos presentados, los más antiguos primero (los filtros se combinan)</translation>
    </message>
    <message>
        <source>the store&apos;s audit log</source>
        <translation>el registro de auditoría del almacén</translation>
    </message>
    <message>
        <source>write an encrypted, checked backup of the store (with its key file)</source>
        <translation>escribe una copia de seguridad cifrada y comprobada del almacén (con su archivo de claves)</translation>
    </message>
    <message>
        <source>list the backups in the profile&apos;s backups/ folder, newest first</source>
        <translation>enumera las copias de seguridad de la carpeta backups/ del perfil, la más reciente primero</translation>
    </message>
    <message>
        <source>put a backup in place of the store; the store it replaces is kept aside</source>
        <translation>pone una copia de seguridad en lugar del almacén; el almacén reemplazado se guarda aparte</translation>
    </message>
    <message>
        <source>check the store (every page, its structure, every case, the audit log) and report the crypto module (exit 0 healthy, 1 not)</source>
        <translation>comprueba el almacén (cada página, su estructura, cada caso, el registro de auditoría) e informa del módulo criptográfico (salida 0 en buen estado, 1 si no)</translation>
    </message>
    <message>
        <source>copy every case and revision that can still be read from a damaged store into a new store (the damaged one is left as it is)</source>
        <translation>copia cada caso y revisión que aún pueda leerse de un almacén dañado a un almacén nuevo (el dañado se deja como está)</translation>
    </message>
    <message>
        <source>the profile&apos;s recovery slot, sealed to the office&apos;s public recovery key</source>
        <translation>la ranura de recuperación del perfil, sellada con la clave pública de recuperación de la oficina</translation>
    </message>
    <message>
        <source>office IT: set a new passphrase with the office&apos;s private recovery key (also lifts a lockout)</source>
        <translation>servicio de informática de la oficina: establece una nueva frase de contraseña con la clave privada de recuperación de la oficina (también levanta un bloqueo)</translation>
    </message>
    <message>
        <source>list the policy versions, or show what changed between two (categories, conditions, factors, cutoffs)</source>
        <translation>enumera las versiones de la política, o muestra qué cambió entre dos (categorías, condiciones, factores, fechas límite)</translation>
    </message>
    <message>
        <source>print the JSON Schema of the exchange format</source>
        <translation>imprime el esquema JSON del formato de intercambio</translation>
    </message>
    <message>
        <source>open the app on a throwaway store of fictional sample cases</source>
        <translation>abre la aplicación con un almacén desechable de casos ficticios de ejemplo</translation>
    </message>
    <message>
        <source>the office&apos;s public recovery key (from &apos;casefile office keygen&apos;): office IT can then reset a forgotten passphrase</source>
        <translation>la clave pública de recuperación de la oficina (de &apos;casefile office keygen&apos;): así el servicio de informática puede restablecer una frase de contraseña olvidada</translation>
    </message>
    <message>
        <source>key slots with PBKDF2-HMAC-SHA512 instead of Argon2id, for deployments that require FIPS-approved key derivation</source>
        <translation>ranuras de clave con PBKDF2-HMAC-SHA512 en lugar de Argon2id, para instalaciones que exigen una derivación de claves aprobada por FIPS</translation>
    </message>
    <message>
        <source>officer (records and submits cases) or supervisor (also reviews others&apos; submissions)</source>
        <translation>officer (oficial: registra y presenta casos) o supervisor (además revisa lo que presentan otros)</translation>
    </message>
    <message>
        <source>one JSON object per line</source>
        <translation>un objeto JSON por línea</translation>
    </message>
    <message>
        <source>overwrite a case already in the store (a new revision)</source>
        <translation>sobrescribe un caso que ya está en el almacén (una nueva revisión)</translation>
    </message>
    <message>
        <source>case number or id</source>
        <translation>número o identificador del caso</translation>
    </message>
    <message>
        <source>file to write (default: standard output)</source>
        <translation>archivo que se escribe (por defecto: la salida estándar)</translation>
    </message>
    <message>
        <source>export every case into the folder given by -o</source>
        <translation>exporta todos los casos a la carpeta indicada con -o</translation>
    </message>
    <message>
        <source>replace output files that already exist</source>
        <translation>reemplaza los archivos de salida que ya existen</translation>
    </message>
    <message>
        <source>write a submitted case as a review bundle signed with this profile&apos;s key, for a supervisor&apos;s profile to import</source>
        <translation>escribe un caso presentado como paquete de revisión firmado con la clave de este perfil, para que lo importe el perfil de un supervisor</translation>
    </message>
    <message>
        <source>read the new passphrase from this file</source>
        <translation>lee la nueva frase de contraseña de este archivo</translation>
    </message>
    <message>
        <source>one JSON object per file</source>
        <translation>un objeto JSON por archivo</translation>
    </message>
    <message>
        <source>create an office store (this supervisor profile becomes its administrator)</source>
        <translation>crea un almacén de oficina (este perfil de supervisor pasa a ser su administrador)</translation>
    </message>
    <message>
        <source>ask to join an office (an administrator or supervisor approves)</source>
        <translation>solicita unirse a una oficina (lo aprueba un administrador o un supervisor)</translation>
    </message>
    <message>
        <source>approve a pending member, or change a member&apos;s role</source>
        <translation>aprueba a un miembro pendiente, o cambia la función de un miembro</translation>
    </message>
    <message>
        <source>remove a member (administrator or supervisor): its later pushes are refused and the office key is rotated for the others</source>
        <translation>retira a un miembro (administrador o supervisor): se rechaza lo que envíe después y se renueva la clave de la oficina para los demás</translation>
    </message>
    <message>
        <source>list the verified member list and pending join requests</source>
        <translation>muestra la lista verificada de miembros y las solicitudes de ingreso pendientes</translation>
    </message>
    <message>
        <source>the office this profile is linked to, and what waits to sync</source>
        <translation>la oficina a la que está vinculado este perfil, y lo que espera para sincronizarse</translation>
    </message>
    <message>
        <source>office IT: make the office recovery key pair (needs no profile)</source>
        <translation>servicio de informática de la oficina: genera el par de claves de recuperación de la oficina (no necesita perfil)</translation>
    </message>
    <message>
        <source>a shared folder (network share, USB drive)</source>
        <translation>una carpeta compartida (recurso de red, unidad USB)</translation>
    </message>
    <message>
        <source>a PostgreSQL connection string (TLS settings pass through)</source>
        <translation>una cadena de conexión de PostgreSQL (la configuración TLS se transmite tal cual)</translation>
    </message>
    <message>
        <source>the PostgreSQL schema (default casefile_office)</source>
        <translation>el esquema de PostgreSQL (por defecto casefile_office)</translation>
    </message>
    <message>
        <source>PostgreSQL, with the owner&apos;s DSN: each approved member gets a database role of its own (row-level security)</source>
        <translation>PostgreSQL, con el DSN del propietario: cada miembro aprobado recibe su propio rol de base de datos (seguridad a nivel de fila)</translation>
    </message>
    <message>
        <source>member id or officer id</source>
        <translation>identificador del miembro o del oficial</translation>
    </message>
    <message>
        <source>a folder for the key pair (made if missing; existing key files are never replaced)</source>
        <translation>una carpeta para el par de claves (se crea si no existe; nunca se reemplazan archivos de claves existentes)</translation>
    </message>
    <message>
        <source>read the new key&apos;s passphrase from this file&apos;s first line (else a prompt, asked twice)</source>
        <translation>lee la frase de contraseña de la nueva clave de la primera línea de este archivo (si no, se pregunta dos veces)</translation>
    </message>
    <message>
        <source>the field, as &apos;casefile conflicts&apos; names it</source>
        <translation>el campo, tal como lo nombra &apos;casefile conflicts&apos;</translation>
    </message>
    <message>
        <source>keep this laptop&apos;s value</source>
        <translation>conserva el valor de este portátil</translation>
    </message>
    <message>
        <source>take the office&apos;s value</source>
        <translation>toma el valor de la oficina</translation>
    </message>
    <message>
        <source>the conflict&apos;s digest as &apos;casefile conflicts&apos; listed it (needed with --theirs and for &apos;deleted&apos;): refused if the conflict changed since</source>
        <translation>el resumen del conflicto tal como lo enumeró «casefile conflicts» (necesario con --theirs y para «deleted»): se rechaza si el conflicto cambió desde entonces</translation>
    </message>
    <message>
        <source>a JSON exchange file</source>
        <translation>un archivo de intercambio JSON</translation>
    </message>
    <message>
        <source>the PDF to write</source>
        <translation>el PDF que se escribe</translation>
    </message>
    <message>
        <source>replace the output file if it exists</source>
        <translation>reemplaza el archivo de salida si existe</translation>
    </message>
    <message>
        <source>the line printed on every page</source>
        <translation>la línea impresa en cada página</translation>
    </message>
    <message>
        <source>the MEMORANDUM FOR line</source>
        <translation>la línea MEMORANDUM FOR (destinatario)</translation>
    </message>
    <message>
        <source>the THROUGH line</source>
        <translation>la línea THROUGH (por conducto de)</translation>
    </message>
    <message>
        <source>a copy for someone outside the office, under that recipient type&apos;s disclosure profile (agency, counsel): withheld items blacked out, the disclosure logged</source>
        <translation>una copia para alguien ajeno a la oficina, según el perfil de divulgación de ese tipo de destinatario (organismo, abogado): los datos retenidos se tachan en negro y la divulgación queda registrada</translation>
    </message>
    <message>
        <source>the recipient&apos;s name, printed on every page of the copy (with --for)</source>
        <translation>el nombre del destinatario, impreso en cada página de la copia (con --for)</translation>
    </message>
    <message>
        <source>also a translated copy (es: Spanish) after the English original, which stays the sealed record; the copy is not sealed</source>
        <translation>además, una copia traducida (es: español) tras el original en inglés, que sigue siendo el registro sellado; la copia no se sella</translation>
    </message>
    <message>
        <source>the memo PDF, or scans: a PDF of scanned pages or images</source>
        <translation>el memorando en PDF, o escaneos: un PDF de páginas escaneadas o imágenes</translation>
    </message>
    <message>
        <source>required to return or non-concur</source>
        <translation>obligatorio para devolver o declararse no conforme</translation>
    </message>
    <message>
        <source>why (required unless the case was returned)</source>
        <translation>por qué (obligatorio salvo que el caso se haya devuelto)</translation>
    </message>
    <message>
        <source>only cases waiting for a decision</source>
        <translation>solo los casos que esperan una decisión</translation>
    </message>
    <message>
        <source>only cases returned to the officer</source>
        <translation>solo los casos devueltos al oficial</translation>
    </message>
    <message>
        <source>only concurred or non-concurred cases</source>
        <translation>solo los casos conformes o no conformes</translation>
    </message>
    <message>
        <source>only cases this officer (officer id) submitted</source>
        <translation>solo los casos que presentó este oficial (ID de oficial)</translation>
    </message>
    <message>
        <source>only cases submitted DAYS days ago or earlier (0: any age)</source>
        <translation>solo los casos presentados hace DAYS días o más (0: cualquier antigüedad)</translation>
    </message>
    <message>
        <source>verify: check the chain and its signed head, naming the first bad entry (exit 0 intact, 1 not); list: print the entries</source>
        <translation>verify: comprueba la cadena y su cabecera firmada, y nombra la primera entrada incorrecta (salida 0 intacta, 1 si no); list: imprime las entradas</translation>
    </message>
    <message>
        <source>only the entries of this case (for list)</source>
        <translation>solo las entradas de este caso (para list)</translation>
    </message>
    <message>
        <source>a folder to write it to, e.g. a USB drive (default: the profile&apos;s backups/ folder)</source>
        <translation>una carpeta donde escribirla, p. ej. una unidad USB (por defecto: la carpeta backups/ del perfil)</translation>
    </message>
    <message>
        <source>a backup folder (as listed by &apos;casefile backups&apos;)</source>
        <translation>una carpeta de copia de seguridad (como la muestra &apos;casefile backups&apos;)</translation>
    </message>
    <message>
        <source>the folder for the new store (must not exist)</source>
        <translation>la carpeta del nuevo almacén (no debe existir)</translation>
    </message>
    <message>
        <source>seal the data key to the office&apos;s public recovery key (replacing an earlier recovery slot)</source>
        <translation>sella la clave de datos con la clave pública de recuperación de la oficina (reemplaza una ranura de recuperación anterior)</translation>
    </message>
    <message>
        <source>which office recovery key this profile&apos;s recovery slot is sealed to</source>
        <translation>con qué clave de recuperación de la oficina está sellada la ranura de recuperación de este perfil</translation>
    </message>
    <message>
        <source>the office&apos;s public recovery key (recovery-public-key.json)</source>
        <translation>la clave pública de recuperación de la oficina (recovery-public-key.json)</translation>
    </message>
    <message>
        <source>the office&apos;s private recovery key (recovery-private-key.json)</source>
        <translation>la clave privada de recuperación de la oficina (recovery-private-key.json)</translation>
    </message>
    <message>
        <source>read the recovery key&apos;s own passphrase from this file&apos;s first line (else a prompt); the new profile passphrase comes from --passphrase-file, CASEFILE_PASSPHRASE or a prompt</source>
        <translation>lee la frase de contraseña de la propia clave de recuperación de la primera línea de este archivo (si no, se pregunta); la nueva frase de contraseña del perfil viene de --passphrase-file, CASEFILE_PASSPHRASE o de una pregunta</translation>
    </message>
    <message>
        <source>the policy versions this Casefile knows</source>
        <translation>las versiones de la política que conoce este Casefile</translation>
    </message>
    <message>
        <source>what changed from policy A to policy B</source>
        <translation>qué cambió de la política A a la política B</translation>
    </message>
    <message>
        <source>whether each policy&apos;s translation file (beside it) translates every text of the policy as it reads now (exit 0 current, 1 stale or missing texts)</source>
        <translation>indica si el archivo de traducción de cada política (junto a ella) traduce todos los textos de la política tal como están ahora (salida 0 al día, 1 textos desactualizados o que faltan)</translation>
    </message>
    <message>
        <source>one JSON object per policy</source>
        <translation>un objeto JSON por política</translation>
    </message>
    <message>
        <source>ID@VERSION, a version, an id (its newest version) or a policy file</source>
        <translation>ID@VERSIÓN, una versión, un identificador (su versión más reciente) o un archivo de política</translation>
    </message>
    <message>
        <source>the same, for the version to compare with</source>
        <translation>lo mismo, para la versión con la que se compara</translation>
    </message>
    <message>
        <source>one JSON object per change</source>
        <translation>un objeto JSON por cambio</translation>
    </message>
    <message>
        <source>the translation to check (default es)</source>
        <translation>la traducción que se comprueba (por defecto es)</translation>
    </message>
    <message>
        <source>print, as JSON, each text to translate (missing or changed since it was translated), with the English and its hash, for a translator</source>
        <translation>imprime en JSON cada texto que hay que traducir (falta o cambió desde que se tradujo), con el inglés y su hash, para quien traduce</translation>
    </message>
</context>
<context>
    <name>disclosure</name>
    <message>
        <source>counsel for the subject, for a case review</source>
        <translation>el abogado de la persona, para una revisión del caso</translation>
    </message>
    <message>
        <source>Tip sources, informants and third parties&apos; names and details are withheld.</source>
        <translation>Se retienen las fuentes de denuncias, los informantes y los nombres y datos de terceros.</translation>
    </message>
    <message>
        <source>tip source</source>
        <translation>fuente de la denuncia</translation>
    </message>
    <message>
        <source>tip source or informant</source>
        <translation>fuente de la denuncia o informante</translation>
    </message>
    <message>
        <source>third party</source>
        <translation>tercero</translation>
    </message>
    <message>
        <source>informant or third party</source>
        <translation>informante o tercero</translation>
    </message>
    <message>
        <source>source</source>
        <translation>fuente</translation>
    </message>
    <message>
        <source>another agency</source>
        <translation>otra agencia</translation>
    </message>
    <message>
        <source>Informants, third parties&apos; names and details, the officer&apos;s case notes and the review comments are withheld.</source>
        <translation>Se retienen los informantes, los nombres y datos de terceros, las notas del caso del oficial y los comentarios de la revisión.</translation>
    </message>
    <message>
        <source>informant</source>
        <translation>informante</translation>
    </message>
    <message>
        <source>case notes</source>
        <translation>notas del caso</translation>
    </message>
    <message>
        <source>review comment</source>
        <translation>comentario de la revisión</translation>
    </message>
</context>
<context>
    <name>i18n</name>
    <message>
        <source>en</source>
        <translation>es</translation>
    </message>
</context>
<context>
    <name>labels</name>
    <message>
        <source>draft</source>
        <translation>borrador</translation>
    </message>
    <message>
        <source>submitted</source>
        <translation>presentado</translation>
    </message>
    <message>
        <source>concurred</source>
        <translation>conforme</translation>
    </message>
    <message>
        <source>returned</source>
        <translation>devuelto</translation>
    </message>
    <message>
        <source>non-concurred</source>
        <translation>no conforme</translation>
    </message>
</context>
<context>
    <name>memo</name>
    <message>
        <source>Case {number} · revision {revision}</source>
        <translation>Caso {number} · revisión {revision}</translation>
    </message>
    <message>
        <source>Case {number} · UNSEALED</source>
        <translation>Caso {number} · SIN SELLAR</translation>
    </message>
    <message>
        <source>without a number</source>
        <translation>sin número</translation>
    </message>
    <message>
        <source>Subject:</source>
        <translation>Persona:</translation>
    </message>
    <message>
        <source>COPY FOR {recipient}</source>
        <translation>COPIA PARA {recipient}</translation>
    </message>
    <message>
        <source>items withheld are blacked out</source>
        <translation>los datos retenidos están tachados en negro</translation>
    </message>
    <message>
        <source>page {page} of {total}</source>
        <translation>página {page} de {total}</translation>
    </message>
    <message>
        <source>TRANSLATION: not sealed; the English original is the record</source>
        <translation>TRADUCCIÓN: sin sello; el registro es el original en inglés</translation>
    </message>
    <message>
        <source>page seal →</source>
        <translation>sello de la página →</translation>
    </message>
    <message>
        <source>UNSEALED: not matched to a stored record</source>
        <translation>SIN SELLAR: no corresponde a un registro almacenado</translation>
    </message>
    <message>
        <source>DRAFT</source>
        <translation>BORRADOR</translation>
    </message>
    <message>
        <source>WITHHELD: {reason}</source>
        <translation>RETENIDO: {reason}</translation>
    </message>
    <message>
        <source>(no name recorded)</source>
        <translation>(no consta el nombre)</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>desconocido</translation>
    </message>
    <message>
        <source>Not answered</source>
        <translation>Sin responder</translation>
    </message>
    <message>
        <source>None.</source>
        <translation>Ninguno.</translation>
    </message>
    <message>
        <source>January</source>
        <translation>enero</translation>
    </message>
    <message>
        <source>February</source>
        <translation>febrero</translation>
    </message>
    <message>
        <source>March</source>
        <translation>marzo</translation>
    </message>
    <message>
        <source>April</source>
        <translation>abril</translation>
    </message>
    <message>
        <source>May</source>
        <translation>mayo</translation>
    </message>
    <message>
        <source>June</source>
        <translation>junio</translation>
    </message>
    <message>
        <source>July</source>
        <translation>julio</translation>
    </message>
    <message>
        <source>August</source>
        <translation>agosto</translation>
    </message>
    <message>
        <source>September</source>
        <translation>septiembre</translation>
    </message>
    <message>
        <source>October</source>
        <translation>octubre</translation>
    </message>
    <message>
        <source>November</source>
        <translation>noviembre</translation>
    </message>
    <message>
        <source>December</source>
        <translation>diciembre</translation>
    </message>
    <message>
        <source>exact</source>
        <translation>exacta</translation>
    </message>
    <message>
        <source>month</source>
        <translation>solo mes</translation>
    </message>
    <message>
        <source>year</source>
        <translation>solo año</translation>
    </message>
    <message>
        <source>submitted</source>
        <translation>presentado</translation>
    </message>
    <message>
        <source>concurred</source>
        <translation>conforme</translation>
    </message>
    <message>
        <source>returned</source>
        <translation>devuelto</translation>
    </message>
    <message>
        <source>nonconcurred</source>
        <translation>no conforme</translation>
    </message>
    <message>
        <source>reopened</source>
        <translation>reabierto</translation>
    </message>
    <message>
        <source>{month} {day}, {year}</source>
        <translation>{day} de {month} de {year}</translation>
    </message>
    <message>
        <source>Individual assessment</source>
        <translation>Evaluación individual</translation>
    </message>
    <message>
        <source>{what} of {name} ({a_number}), case {number}</source>
        <translation>{what} de {name} ({a_number}), caso {number}</translation>
    </message>
    <message>
        <source>{what} of {name}, case {number}</source>
        <translation>{what} de {name}, caso {number}</translation>
    </message>
    <message>
        <source>Immigration Officer</source>
        <translation>Oficial de Inmigración</translation>
    </message>
    <message>
        <source>MEMORANDUM</source>
        <translation>MEMORANDO</translation>
    </message>
    <message>
        <source>MEMORANDUM FOR:</source>
        <translation>PARA:</translation>
    </message>
    <message>
        <source>THROUGH:</source>
        <translation>POR CONDUCTO DE:</translation>
    </message>
    <message>
        <source>FROM:</source>
        <translation>DE:</translation>
    </message>
    <message>
        <source>SUBJECT:</source>
        <translation>ASUNTO:</translation>
    </message>
    <message>
        <source>DATE:</source>
        <translation>FECHA:</translation>
    </message>
    <message>
        <source>Copy for {recipient}, {label}, under disclosure profile {profile} version {version}. {summary} Each item withheld is a black box; names withheld are blacked out wherever they are mentioned.</source>
        <translation>Copia para {recipient}, {label}, según el perfil de divulgación {profile}, versión {version}. {summary} Cada dato retenido aparece como un recuadro negro; los nombres retenidos se tachan en negro dondequiera que se mencionen.</translation>
    </message>
    <message>
        <source>Disclosure:</source>
        <translation>Divulgación:</translation>
    </message>
    <message>
        <source>1. Subject</source>
        <translation>1. Persona</translation>
    </message>
    <message>
        <source>Family name</source>
        <translation>Apellido(s)</translation>
    </message>
    <message>
        <source>Given names</source>
        <translation>Nombre(s)</translation>
    </message>
    <message>
        <source>Aliases</source>
        <translation>Alias</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>Fecha de nacimiento</translation>
    </message>
    <message>
        <source>A-number</source>
        <translation>Número A</translation>
    </message>
    <message>
        <source>Citizenship (record fact only)</source>
        <translation>Ciudadanía (solo como dato del expediente)</translation>
    </message>
    <message>
        <source>Identity documents</source>
        <translation>Documentos de identidad</translation>
    </message>
    <message>
        <source>2. Encounter and how the case came to attention</source>
        <translation>2. Encuentro y cómo se tuvo conocimiento del caso</translation>
    </message>
    <message>
        <source>{date} ({precision} date)</source>
        <translation>{date} (fecha: {precision})</translation>
    </message>
    <message>
        <source>not recorded</source>
        <translation>no consta</translation>
    </message>
    <message>
        <source>Date and time</source>
        <translation>Fecha y hora</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>Lugar</translation>
    </message>
    <message>
        <source>How it came to attention</source>
        <translation>Cómo se tuvo conocimiento</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Detalles</translation>
    </message>
    <message>
        <source>Last entry</source>
        <translation>Última entrada</translation>
    </message>
    <message>
        <source>Manner of entry</source>
        <translation>Forma de entrada</translation>
    </message>
    <message>
        <source>Place of entry</source>
        <translation>Lugar de entrada</translation>
    </message>
    <message>
        <source>Where apprehended</source>
        <translation>Dónde fue aprehendida</translation>
    </message>
    <message>
        <source>Apprehension place</source>
        <translation>Lugar de la aprehensión</translation>
    </message>
    <message>
        <source>3. Criminal history</source>
        <translation>3. Antecedentes penales</translation>
    </message>
    <message>
        <source>no conviction</source>
        <translation>sin condena</translation>
    </message>
    <message>
        <source>Charge</source>
        <translation>Cargo</translation>
    </message>
    <message>
        <source>Jurisdiction</source>
        <translation>Jurisdicción</translation>
    </message>
    <message>
        <source>Arrest</source>
        <translation>Arresto</translation>
    </message>
    <message>
        <source>Conviction</source>
        <translation>Condena</translation>
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
        <source>No offenses recorded.</source>
        <translation>No consta ningún delito.</translation>
    </message>
    <message>
        <source>4. Family and ties</source>
        <translation>4. Familia y vínculos</translation>
    </message>
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
        <source>No family members recorded.</source>
        <translation>No consta ningún familiar.</translation>
    </message>
    <message>
        <source>No other ties recorded.</source>
        <translation>No consta ningún otro vínculo.</translation>
    </message>
    <message>
        <source>Other ties:</source>
        <translation>Otros vínculos:</translation>
    </message>
    <message>
        <source>5. Case notes</source>
        <translation>5. Notas del caso</translation>
    </message>
    <message>
        <source>6. Assessment</source>
        <translation>6. Evaluación</translation>
    </message>
    <message>
        <source>The assessment has not been started.</source>
        <translation>La evaluación no se ha iniciado.</translation>
    </message>
    <message>
        <source>Exhibits</source>
        <translation>Anexos</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>N.º</translation>
    </message>
    <message>
        <source>File name and caption</source>
        <translation>Nombre del archivo y descripción</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Tamaño</translation>
    </message>
    <message>
        <source>Records reviewed</source>
        <translation>Registros examinados</translation>
    </message>
    <message>
        <source>None recorded.</source>
        <translation>No consta ninguno.</translation>
    </message>
    <message>
        <source>Note:</source>
        <translation>Nota:</translation>
    </message>
    <message>
        <source>Priority categories</source>
        <translation>Categorías de prioridad</translation>
    </message>
    <message>
        <source>Basis:</source>
        <translation>Fundamento:</translation>
    </message>
    <message>
        <source>Evidence:</source>
        <translation>Pruebas:</translation>
    </message>
    <message>
        <source>Aggravating and mitigating factors</source>
        <translation>Factores agravantes y atenuantes</translation>
    </message>
    <message>
        <source>Weighing</source>
        <translation>Ponderación</translation>
    </message>
    <message>
        <source>Not chosen</source>
        <translation>Sin elegir</translation>
    </message>
    <message>
        <source>Determination</source>
        <translation>Determinación</translation>
    </message>
    <message>
        <source>Determination:</source>
        <translation>Determinación:</translation>
    </message>
    <message>
        <source>Detail:</source>
        <translation>Detalle:</translation>
    </message>
    <message>
        <source>Rationale:</source>
        <translation>Justificación:</translation>
    </message>
    <message>
        <source>The officer attests that none of the following was considered: {never_factors}.</source>
        <translation>El oficial declara que no se tuvo en cuenta ninguno de los siguientes elementos: {never_factors}.</translation>
    </message>
    <message>
        <source>Civil-rights attestation</source>
        <translation>Declaración sobre derechos civiles</translation>
    </message>
    <message>
        <source>{title}, {issuer}, signed {signed}; version {version}; id {id}; SHA-256 {sha256}. Status on the assessment date: {status}.</source>
        <translation>{title}, {issuer}, firmada el {signed}; versión {version}; identificador {id}; SHA-256 {sha256}. Vigencia en la fecha de la evaluación: {status}.</translation>
    </message>
    <message>
        <source>Policy</source>
        <translation>Política</translation>
    </message>
    <message>
        <source>from policy {policy} version {version} on {on} (SHA-256 {sha256}).</source>
        <translation>desde la política {policy}, versión {version}, el {on} (SHA-256 {sha256}).</translation>
    </message>
    <message>
        <source>from policy {policy} version {version} (SHA-256 {sha256}).</source>
        <translation>desde la política {policy}, versión {version} (SHA-256 {sha256}).</translation>
    </message>
    <message>
        <source>Re-assessed:</source>
        <translation>Evaluada de nuevo:</translation>
    </message>
    <message>
        <source> (before: {previous})</source>
        <translation> (antes: {previous})</translation>
    </message>
    <message>
        <source>Not carried over:</source>
        <translation>No trasladado:</translation>
    </message>
    <message>
        <source>Review items acknowledged</source>
        <translation>Puntos de revisión reconocidos</translation>
    </message>
    <message>
        <source>{item}. Officer&apos;s note: {note}</source>
        <translation>{item}. Nota del oficial: {note}</translation>
    </message>
    <message>
        <source>Review history</source>
        <translation>Historial de revisión</translation>
    </message>
    <message>
        <source>This memo shows content {digest} (revision {revision} on the laptop that printed it); a decision names the content it was made on.</source>
        <translation>Este memorando muestra el contenido {digest} (revisión {revision} en el portátil que lo imprimió); cada decisión indica el contenido sobre el que se tomó.</translation>
    </message>
    <message>
        <source>on content {digest}</source>
        <translation>sobre el contenido {digest}</translation>
    </message>
    <message>
        <source>Comment:</source>
        <translation>Comentario:</translation>
    </message>
    <message>
        <source>Not answered.</source>
        <translation>Sin responder.</translation>
    </message>
    <message>
        <source>{kind} found present</source>
        <translation>{kind} presentes</translation>
    </message>
    <message>
        <source>Other: {description}</source>
        <translation>Otro: {description}</translation>
    </message>
    <message>
        <source>Factor</source>
        <translation>Factor</translation>
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
        <source>Found absent:</source>
        <translation>Ausentes:</translation>
    </message>
    <message>
        <source>Unknown:</source>
        <translation>Desconocidos:</translation>
    </message>
    <message>
        <source>Not answered:</source>
        <translation>Sin responder:</translation>
    </message>
    <message>
        <source>Signature: {rule}&amp;nbsp;&amp;nbsp;Date: {date_rule}</source>
        <translation>Firma: {rule}&amp;nbsp;&amp;nbsp;Fecha: {date_rule}</translation>
    </message>
    <message>
        <source>Officer</source>
        <translation>Oficial</translation>
    </message>
    <message>
        <source>Printed name:</source>
        <translation>Nombre en letra de imprenta:</translation>
    </message>
    <message>
        <source>Title: Immigration Officer</source>
        <translation>Cargo: Oficial de Inmigración</translation>
    </message>
    <message>
        <source>Signatures</source>
        <translation>Firmas</translation>
    </message>
    <message>
        <source>Supervisor</source>
        <translation>Supervisor</translation>
    </message>
    <message>
        <source>Printed name: {rule}</source>
        <translation>Nombre en letra de imprenta: {rule}</translation>
    </message>
    <message>
        <source>Title: Supervisory Immigration Officer</source>
        <translation>Cargo: Oficial Supervisor de Inmigración</translation>
    </message>
    <message>
        <source>☐ Concur&amp;nbsp;&amp;nbsp;&amp;nbsp;&amp;nbsp;☐ Non-concur</source>
        <translation>☐ Conforme&amp;nbsp;&amp;nbsp;&amp;nbsp;&amp;nbsp;☐ No conforme</translation>
    </message>
    <message>
        <source>Comments:</source>
        <translation>Comentarios:</translation>
    </message>
    <message>
        <source>Spanish</source>
        <translation>española</translation>
    </message>
    <message>
        <source>TRANSLATION — the English original is the official document</source>
        <translation>TRADUCCIÓN — el original en inglés es el documento oficial</translation>
    </message>
    <message>
        <source>This {language} translation is not sealed and is not the record. The official document is the English original: case {number}, revision {revision}, print {print_id}, {pages} pages, sealed (pages SHA-256 {digest}). Check the original with casefile verify FILE, or File ▸ Verify a memo…</source>
        <translation>Esta traducción {language} no está sellada y no es el registro. El documento oficial es el original en inglés: caso {number}, revisión {revision}, impresión {print_id}, {pages} páginas, sellado (SHA-256 de las páginas {digest}). Verifique el original con casefile verify ARCHIVO, o con Archivo ▸ Verificar un memorando…</translation>
    </message>
    <message>
        <source>This {language} translation is not sealed and is not the record. The official document is the English original printed with it, which is itself unsealed (the case is not in a store).</source>
        <translation>Esta traducción {language} no está sellada y no es el registro. El documento oficial es el original en inglés impreso con ella, que a su vez no está sellado (el caso no está en un almacén).</translation>
    </message>
    <message>
        <source>Translation:</source>
        <translation>Traducción:</translation>
    </message>
</context>
<context>
    <name>policy_diff</name>
    <message>
        <source>help</source>
        <translation>ayuda</translation>
    </message>
    <message>
        <source>kind</source>
        <translation>tipo</translation>
    </message>
    <message>
        <source>none</source>
        <translation>ninguno</translation>
    </message>
    <message>
        <source>{what} {old} → {new}</source>
        <translation>{what} {old} → {new}</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>sí</translation>
    </message>
    <message>
        <source>no</source>
        <translation>no</translation>
    </message>
    <message>
        <source>{what}: {old} → {new}</source>
        <translation>{what}: {old} → {new}</translation>
    </message>
    <message>
        <source>{fact} {comparison} {day}, the day itself reviewed</source>
        <translation>{fact} {comparison} {day}, con revisión del propio día</translation>
    </message>
    <message>
        <source>{fact} {comparison} {day}</source>
        <translation>{fact} {comparison} {day}</translation>
    </message>
    <message>
        <source>{fact} in {values}</source>
        <translation>{fact} en {values}</translation>
    </message>
    <message>
        <source>facts</source>
        <translation>hechos</translation>
    </message>
    <message>
        <source>required</source>
        <translation>obligatorio</translation>
    </message>
    <message>
        <source>contradicts</source>
        <translation>contradice</translation>
    </message>
    <message>
        <source>condition</source>
        <translation>condición</translation>
    </message>
    <message>
        <source>weighs factors</source>
        <translation>pondera factores</translation>
    </message>
    <message>
        <source>added {phrases}</source>
        <translation>agregadas {phrases}</translation>
    </message>
    <message>
        <source>removed {phrases}</source>
        <translation>suprimidas {phrases}</translation>
    </message>
    <message>
        <source>phrases that address it: {changes}</source>
        <translation>frases que lo tratan: {changes}</translation>
    </message>
    <message>
        <source>conflicts with dispositions</source>
        <translation>incompatible con las resoluciones</translation>
    </message>
    <message>
        <source>date</source>
        <translation>fecha</translation>
    </message>
    <message>
        <source>other factors allowed</source>
        <translation>se admiten otros factores</translation>
    </message>
    <message>
        <source>its words or look-alikes</source>
        <translation>sus palabras o sus variantes parecidas</translation>
    </message>
    <message>
        <source>detail asked</source>
        <translation>detalle solicitado</translation>
    </message>
    <message>
        <source>an enforcement action</source>
        <translation>una medida de control migratorio</translation>
    </message>
    <message>
        <source>asked when</source>
        <translation>se pregunta cuando</translation>
    </message>
</context>
<context>
    <name>storage</name>
    <message>
        <source>open the case store</source>
        <translation>abrir el almacén de casos</translation>
    </message>
    <message>
        <source>The case store {database} is damaged ({problem}). Nothing has been changed; restore it from a backup or ask office IT.</source>
        <translation>El almacén de casos {database} está dañado ({problem}). No se ha cambiado nada; restáurelo desde una copia de seguridad o consulte al servicio de informática de la oficina.</translation>
    </message>
    <message>
        <source>The case store {database} cannot be written to ({problem}), so Casefile cannot {doing}. Nothing has been changed; check the folder&apos;s permissions or ask office IT.</source>
        <translation>No se puede escribir en el almacén de casos {database} ({problem}), por lo que Casefile no puede {doing}. No se ha cambiado nada; compruebe los permisos de la carpeta o consulte al servicio de informática de la oficina.</translation>
    </message>
    <message>
        <source>Casefile cannot {doing}: the disk reported a problem with {database} ({problem}). Nothing has been changed; check the disk or ask office IT.</source>
        <translation>Casefile no puede {doing}: el disco informó de un problema con {database} ({problem}). No se ha cambiado nada; compruebe el disco o consulte al servicio de informática de la oficina.</translation>
    </message>
    <message>
        <source>Casefile cannot {doing}: {problem} ({path}). Nothing has been changed.</source>
        <translation>Casefile no puede {doing}: {problem} ({path}). No se ha cambiado nada.</translation>
    </message>
    <message>
        <source>The disk holding {folder} is full, so Casefile cannot {doing}. Nothing has been changed; free some space and try again.</source>
        <translation>El disco que contiene {folder} está lleno, por lo que Casefile no puede {doing}. No se ha cambiado nada; libere espacio e inténtelo de nuevo.</translation>
    </message>
    <message>
        <source>The profile folder {folder} is read-only, so Casefile cannot {doing} (it records each unlock there). Nothing has been changed; make the folder writable or ask office IT.</source>
        <translation>La carpeta del perfil {folder} es de solo lectura, por lo que Casefile no puede {doing} (allí registra cada desbloqueo). No se ha cambiado nada; permita la escritura en la carpeta o consulte al servicio de informática de la oficina.</translation>
    </message>
    <message>
        <source>The profile folder {folder} is read-only, so Casefile cannot {doing}. Nothing has been changed; make the folder writable or ask office IT.</source>
        <translation>La carpeta del perfil {folder} es de solo lectura, por lo que Casefile no puede {doing}. No se ha cambiado nada; permita la escritura en la carpeta o consulte al servicio de informática de la oficina.</translation>
    </message>
    <message>
        <source>Casefile is not allowed to use {path} (permission denied), so it cannot {doing}. Nothing has been changed; check the folder&apos;s owner and permissions or ask office IT.</source>
        <translation>Casefile no tiene permiso para usar {path} (permiso denegado), por lo que no puede {doing}. No se ha cambiado nada; compruebe el propietario y los permisos de la carpeta o consulte al servicio de informática de la oficina.</translation>
    </message>
    <message>
        <source>{path} is a file, not a folder, so it cannot hold a Casefile profile. Nothing has been changed; give the profile&apos;s folder with --data-dir or CASEFILE_DATA_DIR.</source>
        <translation>{path} es un archivo, no una carpeta, por lo que no puede contener un perfil de Casefile. No se ha cambiado nada; indique la carpeta del perfil con --data-dir o CASEFILE_DATA_DIR.</translation>
    </message>
    <message>
        <source>{path} is a folder, not a file, so Casefile cannot {doing}. Nothing has been changed; move that folder away or ask office IT.</source>
        <translation>{path} es una carpeta, no un archivo, por lo que Casefile no puede {doing}. No se ha cambiado nada; mueva esa carpeta a otro lugar o consulte al servicio de informática de la oficina.</translation>
    </message>
    <message>
        <source>Casefile</source>
        <translation>Casefile</translation>
    </message>
    <message>
        <source>Wrong passphrase</source>
        <translation>Frase de contraseña incorrecta</translation>
    </message>
    <message>
        <source>The passphrase is not correct. Check Caps Lock and the keyboard layout, then try again.</source>
        <translation>La frase de contraseña no es correcta. Compruebe las mayúsculas (Bloq Mayús) y la distribución del teclado, e inténtelo de nuevo.</translation>
    </message>
    <message>
        <source>The passphrase is not correct. Check Caps Lock and the keyboard layout, then try again. After several wrong tries, the next one is possible in {seconds} seconds.</source>
        <translation>La frase de contraseña no es correcta. Compruebe las mayúsculas (Bloq Mayús) y la distribución del teclado, e inténtelo de nuevo. Tras varios intentos fallidos, el siguiente será posible dentro de {seconds} segundos.</translation>
    </message>
    <message>
        <source>Too many attempts</source>
        <translation>Demasiados intentos</translation>
    </message>
    <message>
        <source>Too many wrong passphrases. Try again in {seconds} seconds.</source>
        <translation>Demasiadas frases de contraseña incorrectas. Inténtelo de nuevo dentro de {seconds} segundos.</translation>
    </message>
    <message>
        <source>No case store</source>
        <translation>No hay almacén de casos</translation>
    </message>
    <message>
        <source>Store already exists</source>
        <translation>El almacén ya existe</translation>
    </message>
    <message>
        <source>Cannot open the case store</source>
        <translation>No se puede abrir el almacén de casos</translation>
    </message>
    <message>
        <source>Casefile is too old for this store</source>
        <translation>Esta versión de Casefile es demasiado antigua para este almacén</translation>
    </message>
    <message>
        <source>Store too old</source>
        <translation>Almacén demasiado antiguo</translation>
    </message>
    <message>
        <source>Cannot upgrade the case store</source>
        <translation>No se puede actualizar el almacén de casos</translation>
    </message>
    <message>
        <source>Store locked</source>
        <translation>Almacén bloqueado</translation>
    </message>
    <message>
        <source>No such case</source>
        <translation>No existe el caso</translation>
    </message>
    <message>
        <source>Case changed elsewhere</source>
        <translation>El caso cambió en otro lugar</translation>
    </message>
    <message>
        <source>Case not saved</source>
        <translation>El caso no se guardó</translation>
    </message>
    <message>
        <source>Disk full</source>
        <translation>Disco lleno</translation>
    </message>
    <message>
        <source>The disk is full, so the last change was not saved. Your edits are still on screen: free some space and they will be saved.</source>
        <translation>El disco está lleno, por lo que no se guardó el último cambio. Sus cambios siguen en pantalla: libere espacio y se guardarán.</translation>
    </message>
    <message>
        <source>Case is read-only</source>
        <translation>El caso es de solo lectura</translation>
    </message>
    <message>
        <source>Not allowed</source>
        <translation>No permitido</translation>
    </message>
    <message>
        <source>Cannot use the case store</source>
        <translation>No se puede usar el almacén de casos</translation>
    </message>
    <message>
        <source>Casefile is already open</source>
        <translation>Casefile ya está abierto</translation>
    </message>
    <message>
        <source>Casefile is already open on this profile in another window or process.</source>
        <translation>Casefile ya está abierto con este perfil en otra ventana o proceso.</translation>
    </message>
    <message>
        <source>Read-only folder</source>
        <translation>Carpeta de solo lectura</translation>
    </message>
    <message>
        <source>Permission denied</source>
        <translation>Permiso denegado</translation>
    </message>
    <message>
        <source>Cannot use this folder</source>
        <translation>No se puede usar esta carpeta</translation>
    </message>
    <message>
        <source>Choose another passphrase</source>
        <translation>Elija otra frase de contraseña</translation>
    </message>
    <message>
        <source>Profile not set up</source>
        <translation>Perfil no configurado</translation>
    </message>
    <message>
        <source>Passphrase not changed</source>
        <translation>No se cambió la frase de contraseña</translation>
    </message>
    <message>
        <source>The key file {path} is missing, so the case store beside it cannot be unlocked. Restore it from a backup; nothing has been changed.</source>
        <translation>Falta el archivo de claves {path}, por lo que el almacén de casos que lo acompaña no puede desbloquearse. Restáurelo desde una copia de seguridad; no se ha cambiado nada.</translation>
    </message>
    <message>
        <source>read the key file</source>
        <translation>leer el archivo de claves</translation>
    </message>
    <message>
        <source>{path} is not a Casefile key file (it is damaged or belongs to another program). Nothing has been changed; restore it from a backup.</source>
        <translation>{path} no es un archivo de claves de Casefile (está dañado o pertenece a otro programa). No se ha cambiado nada; restáurelo desde una copia de seguridad.</translation>
    </message>
    <message>
        <source>The key file {path} is damaged (a key slot is incomplete).</source>
        <translation>El archivo de claves {path} está dañado (una ranura de clave está incompleta).</translation>
    </message>
    <message>
        <source>change the passphrase</source>
        <translation>cambiar la frase de contraseña</translation>
    </message>
    <message>
        <source>{path} is a file, not a folder (nothing was written).</source>
        <translation>{path} es un archivo, no una carpeta (no se escribió nada).</translation>
    </message>
    <message>
        <source>{path} could not be written: {problem} (nothing was written).</source>
        <translation>no se pudo escribir {path}: {problem} (no se escribió nada).</translation>
    </message>
    <message>
        <source>{path} is inside the profile&apos;s data folder {folder}; write it somewhere else (nothing was written).</source>
        <translation>{path} está dentro de la carpeta de datos del perfil {folder}; escríbalo en otro lugar (no se escribió nada).</translation>
    </message>
    <message>
        <source>{path} is also the input of this command; write to another file (nothing was written).</source>
        <translation>{path} es también la entrada de esta orden; escriba en otro archivo (no se escribió nada).</translation>
    </message>
    <message>
        <source>{path} is a folder; give a file name (nothing was written).</source>
        <translation>{path} es una carpeta; indique un nombre de archivo (no se escribió nada).</translation>
    </message>
    <message>
        <source>the folder {path} does not exist (nothing was written).</source>
        <translation>la carpeta {path} no existe (no se escribió nada).</translation>
    </message>
    <message>
        <source>{path} already exists; use --force to replace it (nothing was written).</source>
        <translation>{path} ya existe; use --force para reemplazarlo (no se escribió nada).</translation>
    </message>
    <message>
        <source>There is no case store in {folder}. Set up a profile first.</source>
        <translation>No hay ningún almacén de casos en {folder}. Configure primero un perfil.</translation>
    </message>
    <message>
        <source>set up the profile</source>
        <translation>configurar el perfil</translation>
    </message>
    <message>
        <source>The case store {path} is missing.</source>
        <translation>Falta el almacén de casos {path}.</translation>
    </message>
    <message>
        <source>{path} cannot be decrypted with this key file: the database is damaged, or it and the key file do not belong together. Nothing has been changed.</source>
        <translation>{path} no puede descifrarse con este archivo de claves: la base de datos está dañada, o ella y el archivo de claves no se corresponden. No se ha cambiado nada.</translation>
    </message>
    <message>
        <source>{path} is an encrypted database, but not a Casefile store. Nothing has been changed.</source>
        <translation>{path} es una base de datos cifrada, pero no un almacén de Casefile. No se ha cambiado nada.</translation>
    </message>
    <message>
        <source>FIPS mode on</source>
        <translation>modo FIPS activado</translation>
    </message>
    <message>
        <source>not a FIPS-validated module</source>
        <translation>no es un módulo validado según FIPS</translation>
    </message>
    <message>
        <source>SQLCipher {version}, crypto provider {provider} {provider_version} ({fips})</source>
        <translation>SQLCipher {version}, proveedor criptográfico {provider} {provider_version} ({fips})</translation>
    </message>
    <message>
        <source>The database encryption module reports FIPS mode (cipher_fips_status 1).</source>
        <translation>El módulo de cifrado de la base de datos indica el modo FIPS (cipher_fips_status 1).</translation>
    </message>
    <message>
        <source>This database encryption module is not FIPS 140-validated: an installation that must meet a FIPS 140 requirement (CJIS) needs a SQLCipher build on a FIPS-validated crypto provider (see README, CJIS deployments).</source>
        <translation>Este módulo de cifrado de la base de datos no está validado según FIPS 140: una instalación que deba cumplir un requisito FIPS 140 (CJIS) necesita una compilación de SQLCipher sobre un proveedor criptográfico validado según FIPS (consulte el README, implantaciones CJIS).</translation>
    </message>
    <message>
        <source>There is no case with id {id} in this store.</source>
        <translation>No hay ningún caso con el identificador {id} en este almacén.</translation>
    </message>
    <message>
        <source>The case store is locked.</source>
        <translation>El almacén de casos está bloqueado.</translation>
    </message>
    <message>
        <source>Case {number} is {status}, so it cannot be changed. Reopen it for editing first (the reason is kept in its history).</source>
        <translation>El caso {number} está en estado «{status}», por lo que no puede modificarse. Reábralo primero para editarlo (el motivo queda en su historial).</translation>
    </message>
    <message>
        <source>The status of case {number} changes only by submitting, reviewing or reopening it, never by saving.</source>
        <translation>El estado del caso {number} solo cambia al presentarlo, revisarlo o reabrirlo, nunca al guardarlo.</translation>
    </message>
    <message>
        <source>Case {number}: {problem}.</source>
        <translation>Caso {number}: {problem}.</translation>
    </message>
    <message>
        <source>the case changed after you opened it; read it again before deciding</source>
        <translation>el caso cambió después de que usted lo abriera; vuelva a leerlo antes de decidir</translation>
    </message>
    <message>
        <source>This case is already in the store as {number}.</source>
        <translation>Este caso ya está en el almacén como {number}.</translation>
    </message>
    <message>
        <source>Case {number} is {status}; the file differs from it. Reopen the case for editing before replacing it.</source>
        <translation>El caso {number} está en estado «{status}»; el archivo es distinto. Reabra el caso para editarlo antes de reemplazarlo.</translation>
    </message>
    <message>
        <source>There is no case {reference} in this store.</source>
        <translation>No hay ningún caso {reference} en este almacén.</translation>
    </message>
    <message>
        <source>Case {number}: {problem}, so your value for {field} cannot be kept; choose the office&apos;s value (yours stays in this laptop&apos;s history).</source>
        <translation>Caso {number}: {problem}, así que su valor de {field} no puede conservarse; elija el valor de la oficina (el suyo queda en el historial de este portátil).</translation>
    </message>
    <message>
        <source>Case {number} is {status}, so your value for {field} cannot be kept until the case is reopened; reopen it first, or choose the office&apos;s value.</source>
        <translation>El caso {number} está en estado «{status}», así que su valor de {field} no puede conservarse hasta que se reabra el caso; reábralo primero o elija el valor de la oficina.</translation>
    </message>
    <message>
        <source>recover the profile</source>
        <translation>recuperar el perfil</translation>
    </message>
    <message>
        <source>Case {number} has been submitted for review, so it cannot be deleted; it stays in the record.</source>
        <translation>El caso {number} se ha presentado para revisión, por lo que no puede eliminarse; permanece en el registro.</translation>
    </message>
    <message>
        <source>The key file is in {folder} but the case database {name} is missing. Restore it from a backup; nothing has been changed.</source>
        <translation>El archivo de claves está en {folder}, pero falta la base de datos de casos {name}. Restáurela desde una copia de seguridad; no se ha cambiado nada.</translation>
    </message>
    <message>
        <source>A memo of case {number} was printed, so the case cannot be deleted: the paper copy must stay verifiable.</source>
        <translation>Se imprimió un memorando del caso {number}, por lo que el caso no puede eliminarse: la copia en papel debe seguir siendo verificable.</translation>
    </message>
    <message>
        <source>no name</source>
        <translation>sin nombre</translation>
    </message>
    <message>
        <source>{number} · {name}</source>
        <translation>{number} · {name}</translation>
    </message>
    <message>
        <source>no case number yet</source>
        <translation>todavía sin número de caso</translation>
    </message>
    <message>
        <source>cannot be read: {problem}.</source>
        <translation>no se puede leer: {problem}.</translation>
    </message>
    <message>
        <source>a review bundle of {case}, from {name} ({officer_id})</source>
        <translation>un paquete de revisión de {case}, de {name} ({officer_id})</translation>
    </message>
    <message>
        <source>{field}: {problem}</source>
        <translation>{field}: {problem}</translation>
    </message>
    <message>
        <source>{case}: already in the store as {number}</source>
        <translation>{case}: ya está en el almacén como {number}</translation>
    </message>
    <message>
        <source>Received {number} for review from {name} ({officer_id})</source>
        <translation>Se recibió {number} para revisión de {name} ({officer_id})</translation>
    </message>
    <message>
        <source>Imported {number} (revision {revision}) from {path}</source>
        <translation>Se importó {number} (revisión {revision}) de {path}</translation>
    </message>
    <message>
        <source>Unchanged {number} (revision {revision}): {path} holds the same record</source>
        <translation>Sin cambios {number} (revisión {revision}): {path} contiene el mismo registro</translation>
    </message>
    <message>
        <source>{name}: not imported (cancelled).</source>
        <translation>{name}: no se importó (cancelado).</translation>
    </message>
    <message>
        <source>{name}: not imported: {problem}</source>
        <translation>{name}: no se importó: {problem}</translation>
    </message>
    <message>
        <source>The folder {folder} is not there (a drive removed or a share not mounted?). Creating a new office there would make it.</source>
        <translation>La carpeta {folder} no está (¿una unidad extraída o un recurso compartido sin montar?). Crear allí una oficina nueva la crearía.</translation>
    </message>
    <message>
        <source>The folder {folder} is not there (a drive removed or a share not mounted?).</source>
        <translation>La carpeta {folder} no está (¿una unidad extraída o un recurso compartido sin montar?).</translation>
    </message>
    <message>
        <source>{folder} is a file, not a folder.</source>
        <translation>{folder} es un archivo, no una carpeta.</translation>
    </message>
    <message>
        <source>Casefile cannot write to the folder {folder} ({problem}); ask office IT for write access.</source>
        <translation>Casefile no puede escribir en la carpeta {folder} ({problem}); pida permiso de escritura al servicio de informática de la oficina.</translation>
    </message>
    <message>
        <source>The folder {folder} holds other files but no Casefile office; choose the office&apos;s folder, or an empty one for a new office.</source>
        <translation>La carpeta {folder} contiene otros archivos pero ninguna oficina de Casefile; elija la carpeta de la oficina, o una vacía para una oficina nueva.</translation>
    </message>
    <message>
        <source>The folder {folder} is empty and writable: an office can be created here.</source>
        <translation>La carpeta {folder} está vacía y admite escritura: se puede crear una oficina aquí.</translation>
    </message>
    <message>
        <source>Found office {office} in {folder}; it can be joined.</source>
        <translation>Se encontró la oficina {office} en {folder}; puede unirse a ella.</translation>
    </message>
    <message>
        <source>That is not a PostgreSQL connection string ({problem}).</source>
        <translation>Eso no es una cadena de conexión de PostgreSQL ({problem}).</translation>
    </message>
    <message>
        <source>Connected to {where}; there is no office in schema {schema} yet (an office can be created there).</source>
        <translation>Conectado a {where}; todavía no hay ninguna oficina en el esquema {schema} (se puede crear una allí).</translation>
    </message>
    <message>
        <source>Found office {office} at {where}; it can be joined.</source>
        <translation>Se encontró la oficina {office} en {where}; puede unirse a ella.</translation>
    </message>
    <message>
        <source>The database server at {where} answered but refused the connection ({problem}): check the user, password and database name.</source>
        <translation>El servidor de bases de datos de {where} respondió pero rechazó la conexión ({problem}): compruebe el usuario, la contraseña y el nombre de la base de datos.</translation>
    </message>
    <message>
        <source>The database server at {where} cannot be reached ({problem}): check the host and port, the network, or whether the server is running.</source>
        <translation>No se puede llegar al servidor de bases de datos de {where} ({problem}): compruebe el host y el puerto, la red, o si el servidor está en marcha.</translation>
    </message>
    <message>
        <source>in step ({cases}, digest {digest})</source>
        <translation>sincronizados ({cases}, resumen {digest})</translation>
    </message>
    <message>
        <source>NOT in step ({cases}, digest {digest})</source>
        <translation>NO sincronizados ({cases}, resumen {digest})</translation>
    </message>
    <message>
        <source>pulled {pulled}, pushed {pushed}, merged {merged}, conflicts {conflicts}, rejected {rejected}; {state}</source>
        <translation>recibidos {pulled}, enviados {pushed}, combinados {merged}, conflictos {conflicts}, rechazados {rejected}; {state}</translation>
    </message>
    <message>
        <source>{line}; deletions: {deleted}</source>
        <translation>{line}; eliminaciones: {deleted}</translation>
    </message>
    <message>
        <source>{line}; held back by conflicts: {cases} (casefile conflicts)</source>
        <translation>{line}; retenidos por conflictos: {cases} (casefile conflicts)</translation>
    </message>
    <message>
        <source>{line}; {why}</source>
        <translation>{line}; {why}</translation>
    </message>
    <message>
        <source>{line}; {skew}</source>
        <translation>{line}; {skew}</translation>
    </message>
    <message numerus="yes">
        <source>%n case(s)</source>
        <translation>
            <numerusform>%n caso</numerusform>
            <numerusform>%n casos</numerusform>
        </translation>
    </message>
    <message>
        <source>Office record {seq} (case {case}, office revision {rev})</source>
        <translation>El registro de la oficina {seq} (caso {case}, revisión de la oficina {rev})</translation>
    </message>
    <message>
        <source>Office record {seq} is not a readable office record ({problem}); refused.</source>
        <translation>El registro de la oficina {seq} no es un registro de la oficina legible ({problem}); rechazado.</translation>
    </message>
    <message>
        <source>{where} holds another office than the one this profile joined ({office}); nothing was synced.</source>
        <translation>{where} contiene otra oficina distinta de aquella a la que se unió este perfil ({office}); no se sincronizó nada.</translation>
    </message>
    <message>
        <source>This profile is not yet an approved member of the office (or has no office key): ask the administrator or a supervisor to approve it, then sync again.</source>
        <translation>Este perfil todavía no es un miembro aprobado de la oficina (o no tiene la clave de la oficina): pida al administrador o a un supervisor que lo apruebe y vuelva a sincronizar.</translation>
    </message>
    <message>
        <source>The office key version {version} was not wrapped for this profile; ask the administrator or a supervisor to approve it again. Nothing was synced.</source>
        <translation>La versión {version} de la clave de la oficina no se cifró para este perfil; pida al administrador o a un supervisor que lo apruebe de nuevo. No se sincronizó nada.</translation>
    </message>
    <message>
        <source>{where} holds an older history than this laptop has read: this laptop has read up to office record {seq}, and the office now {now} (put back from an older copy, or replaced?). Nothing was synced, so this laptop&apos;s cases stay as they are. Put back the office&apos;s newest copy, then sync again.</source>
        <translation>{where} tiene una historia más antigua que la que este portátil ya ha leído: este portátil ha leído hasta el registro de la oficina {seq}, y la oficina ahora {now} (¿se repuso desde una copia más antigua, o se sustituyó?). No se sincronizó nada, así que los casos de este portátil quedan como están. Reponga la copia más reciente de la oficina y vuelva a sincronizar.</translation>
    </message>
    <message>
        <source>ends before it</source>
        <translation>termina antes de él</translation>
    </message>
    <message>
        <source>holds another record under that number</source>
        <translation>tiene otro registro con ese número</translation>
    </message>
    <message>
        <source>Office record {seq}, refused at an earlier sync, is no longer at the office; it is not read again.</source>
        <translation>El registro de la oficina {seq}, rechazado en una sincronización anterior, ya no está en la oficina; no se vuelve a leer.</translation>
    </message>
    <message>
        <source>{name} uses office key version {version}, which this profile does not hold; refused.</source>
        <translation>{name} usa la versión {version} de la clave de la oficina, que este perfil no tiene; se rechaza.</translation>
    </message>
    <message>
        <source>{name} claiming to be from {author}: {problem}; refused.</source>
        <translation>{name}, que dice ser de {author}: {problem}; se rechaza.</translation>
    </message>
    <message>
        <source>{name}: its deletion names {named}, but {author} signed it; refused.</source>
        <translation>{name}: su eliminación nombra a {named}, pero la firmó {author}; se rechaza.</translation>
    </message>
    <message>
        <source>{name} from {author} holds no readable case; refused.</source>
        <translation>{name} de {author} no contiene ningún caso legible; se rechaza.</translation>
    </message>
    <message>
        <source>{name} from {author} carries another case than its routing says; refused.</source>
        <translation>{name} de {author} lleva un caso distinto del que indica su encaminamiento; se rechaza.</translation>
    </message>
    <message>
        <source>Office record {seq} (case {case}) is a deletion, not a case.</source>
        <translation>El registro de la oficina {seq} (caso {case}) es una eliminación, no un caso.</translation>
    </message>
    <message>
        <source>{name}: the case is not valid ({problem}); refused.</source>
        <translation>{name}: el caso no es válido ({problem}); se rechaza.</translation>
    </message>
    <message>
        <source>{name} from {author} removes, rewrites or reorders a workflow step the case already had; refused.</source>
        <translation>{name} de {author} quita, reescribe o reordena un paso del flujo de trabajo que el caso ya tenía; se rechaza.</translation>
    </message>
    <message>
        <source>{name} from {author} changes the case&apos;s status without a workflow step; refused.</source>
        <translation>{name} de {author} cambia el estado del caso sin un paso del flujo de trabajo; se rechaza.</translation>
    </message>
    <message>
        <source>{name} from {author} says the case is {status}, but its workflow steps leave it {implied}; refused.</source>
        <translation>{name} de {author} dice que el caso está en estado {status}, pero sus pasos del flujo de trabajo lo dejan en {implied}; se rechaza.</translation>
    </message>
    <message>
        <source>{name}: its {event} step names {actor}, but {author} signed it; refused.</source>
        <translation>{name}: su paso {event} nombra a {actor}, pero lo firmó {author}; se rechaza.</translation>
    </message>
    <message>
        <source>{name}: the review is signed by {author}, the officer who submitted the case; refused.</source>
        <translation>{name}: la revisión la firma {author}, el oficial que presentó el caso; se rechaza.</translation>
    </message>
    <message>
        <source>{name}: the review is signed by {author}, who is not a supervisor of the office; refused.</source>
        <translation>{name}: la revisión la firma {author}, que no es supervisor de la oficina; se rechaza.</translation>
    </message>
    <message>
        <source>{name}: its {event} decision is bound to digest {digest}, which is not the case it was made on; refused.</source>
        <translation>{name}: su decisión {event} está vinculada al resumen {digest}, que no es el caso sobre el que se tomó; se rechaza.</translation>
    </message>
    <message>
        <source>{name} from {author}: {field}: {problem}; refused.</source>
        <translation>{name} de {author}: {field}: {problem}; se rechaza.</translation>
    </message>
    <message>
        <source>{name}: {author} reopens a case {officer} submitted; only that officer or a supervisor may; refused.</source>
        <translation>{name}: {author} reabre un caso que presentó {officer}; solo ese oficial o un supervisor pueden hacerlo; se rechaza.</translation>
    </message>
    <message>
        <source>{name}: {author} submits again a case {officer} submitted; only that officer may; refused.</source>
        <translation>{name}: {author} vuelve a presentar un caso que presentó {officer}; solo ese oficial puede hacerlo; se rechaza.</translation>
    </message>
    <message>
        <source>{name}: {author} changes a case {officer} submitted; only that officer may; refused.</source>
        <translation>{name}: {author} modifica un caso que presentó {officer}; solo ese oficial puede hacerlo; se rechaza.</translation>
    </message>
    <message>
        <source>{name}: {author} changes the content of a {status} case without reopening it; refused.</source>
        <translation>{name}: {author} modifica el contenido de un caso en estado «{status}» sin reabrirlo; se rechaza.</translation>
    </message>
    <message>
        <source>This laptop&apos;s merge of case {number}</source>
        <translation>La combinación del caso {number} hecha en este portátil</translation>
    </message>
    <message>
        <source>{name}: its {decision} answers a submission that was taken back meanwhile; not sent.</source>
        <translation>{name}: su decisión ({decision}) responde a un envío que se retiró entretanto; no se envió.</translation>
    </message>
    <message>
        <source>decide again on the case as it stands</source>
        <translation>decida de nuevo sobre el caso tal como está</translation>
    </message>
    <message>
        <source>another decision was made on it meanwhile</source>
        <translation>entretanto se tomó otra decisión sobre él</translation>
    </message>
    <message>
        <source>decide again once it is submitted again</source>
        <translation>decida de nuevo cuando se envíe otra vez</translation>
    </message>
    <message>
        <source>your changes to case {number} were not sent: {officer} submitted it meanwhile and only that officer can change it (it is {status} at the office); the office&apos;s copy is kept here and your values wait as sync conflicts</source>
        <translation>sus cambios en el caso {number} no se enviaron: {officer} lo presentó entretanto y solo ese oficial puede modificarlo (en la oficina está en estado «{status}»); aquí se conserva la copia de la oficina y sus valores esperan como conflictos de sincronización</translation>
    </message>
    <message>
        <source>your changes to case {number} were not sent: it is {status} at the office and must be reopened before it can change; the office&apos;s copy is kept here and your values wait as sync conflicts</source>
        <translation>sus cambios en el caso {number} no se enviaron: en la oficina está en estado «{status}» y debe reabrirse antes de poder modificarse; aquí se conserva la copia de la oficina y sus valores esperan como conflictos de sincronización</translation>
    </message>
    <message>
        <source>your decision ({decision}) on case {number} was not sent: the case changed at the office before it arrived (it is {status} now); the office&apos;s copy is kept here: {then}</source>
        <translation>su decisión ({decision}) sobre el caso {number} no se envió: el caso cambió en la oficina antes de que llegara (ahora está en estado «{status}»); aquí se conserva la copia de la oficina: {then}</translation>
    </message>
    <message>
        <source>your changes to case {number} were not sent ({problem}); the office&apos;s copy is kept here</source>
        <translation>sus cambios en el caso {number} no se enviaron ({problem}); aquí se conserva la copia de la oficina</translation>
    </message>
    <message>
        <source>{name} cites an attachment ({sha}) the office does not hold; refused.</source>
        <translation>{name} cita un adjunto ({sha}) que la oficina no tiene; se rechaza.</translation>
    </message>
    <message>
        <source>{name}: its attachment {sha} is sealed by {author} with office key version {version}, which this profile cannot check; refused.</source>
        <translation>{name}: su adjunto {sha} está sellado por {author} con la versión {version} de la clave de la oficina, que este perfil no puede comprobar; se rechaza.</translation>
    </message>
    <message>
        <source>{name}: its attachment {sha}: {problem}; refused.</source>
        <translation>{name}: su adjunto {sha}: {problem}; se rechaza.</translation>
    </message>
    <message>
        <source>{name}: its attachment {sha} does not hash to what the case cites; refused.</source>
        <translation>{name}: el hash de su adjunto {sha} no coincide con el que cita el caso; se rechaza.</translation>
    </message>
    <message>
        <source>{name}: its attachment {sha} was not kept ({problem}); refused.</source>
        <translation>{name}: su adjunto {sha} no se guardó ({problem}); se rechaza.</translation>
    </message>
    <message>
        <source>{name} deletes a case that was submitted for review; refused.</source>
        <translation>{name} elimina un caso que se presentó para revisión; se rechaza.</translation>
    </message>
    <message>
        <source>{name} holds no readable deletion; refused.</source>
        <translation>{name} no contiene ninguna eliminación legible; se rechaza.</translation>
    </message>
    <message>
        <source>There is no open sync conflict on {field} in this case; &apos;casefile conflicts&apos; lists them.</source>
        <translation>No hay ningún conflicto de sincronización abierto sobre {field} en este caso; «casefile conflicts» los enumera.</translation>
    </message>
    <message>
        <source>The office&apos;s value of {field} changed since the conflict was shown (a sync brought another); nothing was overwritten. Look at it now and choose again.</source>
        <translation>El valor de la oficina de {field} cambió desde que se mostró el conflicto (una sincronización trajo otro); no se sobrescribió nada. Mírelo ahora y vuelva a elegir.</translation>
    </message>
    <message>
        <source>{field} changed on this laptop since the conflict was shown; nothing was overwritten. Look at its value now and choose again.</source>
        <translation>{field} cambió en esta computadora portátil después de mostrarse el conflicto; no se sobrescribió nada. Mire su valor actual y elija de nuevo.</translation>
    </message>
    <message>
        <source>{where} holds another office than the one this profile joined ({office}).</source>
        <translation>{where} contiene otra oficina distinta de aquella a la que se unió este perfil ({office}).</translation>
    </message>
    <message>
        <source>This profile is not yet an approved member of the office: ask the administrator or a supervisor to approve it, then sync.</source>
        <translation>Este perfil todavía no es un miembro aprobado de la oficina: pida al administrador o a un supervisor que lo apruebe y después sincronice.</translation>
    </message>
    <message>
        <source>Give the office as either a folder or a PostgreSQL DSN.</source>
        <translation>Indique la oficina como una carpeta o como un DSN de PostgreSQL, no ambos.</translation>
    </message>
    <message>
        <source>This profile is not linked to an office: use &apos;casefile office init&apos; or &apos;casefile office join&apos; first.</source>
        <translation>Este perfil no está vinculado a ninguna oficina: use primero &apos;casefile office init&apos; o &apos;casefile office join&apos;.</translation>
    </message>
    <message>
        <source>This profile is already linked to an office.</source>
        <translation>Este perfil ya está vinculado a una oficina.</translation>
    </message>
    <message>
        <source>Member roles are a PostgreSQL feature; a folder office has none.</source>
        <translation>Los roles de miembro son una función de PostgreSQL; una oficina en carpeta no los tiene.</translation>
    </message>
    <message>
        <source>Only a supervisor profile can create an office (it becomes the office&apos;s administrator).</source>
        <translation>Solo un perfil de supervisor puede crear una oficina (pasa a ser su administrador).</translation>
    </message>
    <message>
        <source>The office has no signed member list; it cannot be joined.</source>
        <translation>La oficina no tiene una lista de miembros firmada; no es posible unirse a ella.</translation>
    </message>
    <message>
        <source>The office&apos;s first member list names no founder; it cannot be joined.</source>
        <translation>La primera lista de miembros de la oficina no nombra a ningún fundador; no es posible unirse a ella.</translation>
    </message>
    <message>
        <source>The office key version {version} wrapped for this profile at {where} does not open with this profile&apos;s key: it was altered or damaged there. Ask the administrator or a supervisor to approve this profile again (that wraps it anew); nothing was synced.</source>
        <translation>La versión {version} de la clave de la oficina envuelta para este perfil en {where} no se abre con la clave de este perfil: se alteró o se dañó allí. Pida al administrador o a un supervisor que apruebe de nuevo este perfil (eso la envuelve otra vez); no se sincronizó nada.</translation>
    </message>
    <message>
        <source>The office key version {version} handed to this profile is not the one the member list states (replaced on the server?); it was not taken in.</source>
        <translation>La versión {version} de la clave de la oficina entregada a este perfil no es la que indica la lista de miembros (¿se reemplazó en el servidor?); no se incorporó.</translation>
    </message>
    <message>
        <source>{location} holds another office ({found}), not the one this profile belongs to ({mine}); the link was not moved.</source>
        <translation>{location} contiene otra oficina ({found}), no aquella a la que pertenece este perfil ({mine}); el vínculo no se trasladó.</translation>
    </message>
    <message>
        <source>{location} holds an office with this office&apos;s id whose member list is not signed by its founder key (a copy made elsewhere, or forged); the link was not moved.</source>
        <translation>{location} contiene una oficina con el identificador de esta cuya lista de miembros no está firmada con la clave de su fundador (una copia hecha en otro lugar, o falsificada); el vínculo no se trasladó.</translation>
    </message>
    <message>
        <source>{location} holds an older or different copy of this office (member list version {there}; this profile has seen version {seen}); the link was not moved.</source>
        <translation>{location} contiene una copia anterior o distinta de esta oficina (lista de miembros versión {there}; este perfil ya vio la versión {seen}); el vínculo no se trasladó.</translation>
    </message>
    <message>
        <source>{location} holds this office&apos;s id with other keys (office key version {version} differs); the link was not moved.</source>
        <translation>{location} contiene el identificador de esta oficina con otras claves (la versión {version} de la clave de la oficina es distinta); el vínculo no se trasladó.</translation>
    </message>
    <message>
        <source>{location} holds fewer of this office&apos;s records than this profile has already taken in ({cursor}): an old copy or a backup? The link was not moved.</source>
        <translation>{location} contiene menos registros de esta oficina de los que este perfil ya incorporó ({cursor}): ¿una copia antigua o una copia de seguridad? El vínculo no se trasladó.</translation>
    </message>
    <message>
        <source>Only the office&apos;s administrator or a supervisor can approve members.</source>
        <translation>Solo el administrador de la oficina o un supervisor pueden aprobar miembros.</translation>
    </message>
    <message>
        <source>The office has one administrator, its founder; approve as officer or supervisor.</source>
        <translation>La oficina tiene un solo administrador, su fundador; apruebe como oficial o como supervisor.</translation>
    </message>
    <message>
        <source>{who} is the officer ID of more than one profile (members, removed members or join requests); approve by member ID (casefile office members lists them).</source>
        <translation>{who} es el identificador del oficial de más de un perfil (miembros, miembros retirados o solicitudes de unión); apruebe por identificador del miembro (casefile office members los muestra).</translation>
    </message>
    <message>
        <source>There is no member or join request {who} in this office.</source>
        <translation>No hay ningún miembro ni solicitud de unión {who} en esta oficina.</translation>
    </message>
    <message>
        <source>{officer_id} is already the officer ID of {name} (member {member}); two members cannot share one, as it decides who may change a case and who may review it. Remove that member first (a laptop replaced), or set up the new profile with its own officer ID.</source>
        <translation>{officer_id} ya es el identificador del oficial de {name} (miembro {member}); dos miembros no pueden compartirlo, porque decide quién puede cambiar un caso y quién puede revisarlo. Retire primero a ese miembro (un portátil sustituido), o configure el perfil nuevo con su propio identificador del oficial.</translation>
    </message>
    <message>
        <source>A member cannot change its own role.</source>
        <translation>Un miembro no puede cambiar su propia función.</translation>
    </message>
    <message>
        <source>{officer_id} set up a field officer&apos;s profile; a supervisor&apos;s role needs a supervisor profile (Casefile&apos;s review rules are kept in the profile too).</source>
        <translation>{officer_id} configuró un perfil de oficial de campo; la función de supervisor necesita un perfil de supervisor (las reglas de revisión de Casefile también se guardan en el perfil).</translation>
    </message>
    <message>
        <source>Only the office&apos;s administrator or a supervisor can remove members.</source>
        <translation>Solo el administrador de la oficina o un supervisor pueden quitar miembros.</translation>
    </message>
    <message>
        <source>{who} was already removed from this office.</source>
        <translation>{who} ya se quitó de esta oficina.</translation>
    </message>
    <message>
        <source>There is no member {who} in this office.</source>
        <translation>No hay ningún miembro {who} en esta oficina.</translation>
    </message>
    <message>
        <source>A member cannot remove itself; ask the administrator or another supervisor.</source>
        <translation>Un miembro no puede quitarse a sí mismo; pídaselo al administrador o a otro supervisor.</translation>
    </message>
    <message>
        <source>The office&apos;s administrator (its founder) cannot be removed.</source>
        <translation>El administrador de la oficina (su fundador) no se puede quitar.</translation>
    </message>
    <message>
        <source>The database login sealed for this profile at {where} does not open with this profile&apos;s key: it was altered or damaged there. Ask the administrator or a supervisor to approve this profile again (that seals it anew); nothing was synced.</source>
        <translation>El acceso a la base de datos sellado para este perfil en {where} no se abre con la clave de este perfil: se alteró o se dañó allí. Pida al administrador o a un supervisor que apruebe de nuevo este perfil (eso lo sella otra vez); no se sincronizó nada.</translation>
    </message>
    <message>
        <source>This profile was removed from the office on {date} by {who}: nothing was sent or received. The cases on this laptop stay here; talk to your supervisor.</source>
        <translation>Este perfil fue retirado de la oficina el {date} por {who}: no se envió ni se recibió nada. Los casos de esta computadora portátil se quedan aquí; hable con su supervisor.</translation>
    </message>
    <message>
        <source>this laptop&apos;s clock is {seconds} s ahead of the office&apos;s — set the clock right: the times shown on cases and in the audit log may mislead (sync never orders anything by them)</source>
        <translation>el reloj de esta computadora portátil va {seconds} s adelantado respecto al de la oficina; corrija la hora: las horas que se muestran en los casos y en el registro de auditoría pueden inducir a error (la sincronización nunca ordena nada según ellas)</translation>
    </message>
    <message>
        <source>this laptop&apos;s clock is {seconds} s behind the office&apos;s — set the clock right: the times shown on cases and in the audit log may mislead (sync never orders anything by them)</source>
        <translation>el reloj de esta computadora portátil va {seconds} s atrasado respecto al de la oficina; corrija la hora: las horas que se muestran en los casos y en el registro de auditoría pueden inducir a error (la sincronización nunca ordena nada según ellas)</translation>
    </message>
    <message>
        <source>this laptop&apos;s clock is {seconds} s ahead of the office&apos;s</source>
        <translation>el reloj de esta computadora portátil va {seconds} s adelantado respecto al de la oficina</translation>
    </message>
    <message>
        <source>this laptop&apos;s clock is {seconds} s behind the office&apos;s</source>
        <translation>el reloj de esta computadora portátil va {seconds} s atrasado respecto al de la oficina</translation>
    </message>
    <message>
        <source>{schema} is not a usable schema name (lower-case letters, digits, _).</source>
        <translation>{schema} no es un nombre de esquema válido (letras minúsculas, dígitos, _).</translation>
    </message>
    <message>
        <source>That connection string holds characters no database server takes (a NUL, a control character or a broken one); type it again.</source>
        <translation>Esa cadena de conexión contiene caracteres que ningún servidor de bases de datos acepta (un NUL, un carácter de control o uno dañado); escríbala de nuevo.</translation>
    </message>
    <message>
        <source>Cannot reach the office database ({reason}).</source>
        <translation>No se puede conectar con la base de datos de la oficina ({reason}).</translation>
    </message>
    <message>
        <source>The office database connection was lost ({reason}); nothing half-done was kept. Sync again.</source>
        <translation>Se perdió la conexión con la base de datos de la oficina ({reason}); no se conservó nada a medio hacer. Sincronice de nuevo.</translation>
    </message>
    <message>
        <source>The office database refused this for its login ({reason}): only the office&apos;s administrator or a supervisor may change the member list, the keys or removals, and a removed member may add nothing. Nothing was changed.</source>
        <translation>La base de datos de la oficina rechazó esta operación para su usuario ({reason}): solo el administrador de la oficina o un supervisor pueden cambiar la lista de miembros, las claves o los retiros, y un miembro retirado no puede agregar nada. No se cambió nada.</translation>
    </message>
    <message>
        <source>The office database schema {schema} is at version {version}, newer than this Casefile knows ({known}). Update Casefile; nothing was changed.</source>
        <translation>El esquema {schema} de la base de datos de la oficina está en la versión {version}, más reciente que la que conoce este Casefile ({known}). Actualice Casefile; no se cambió nada.</translation>
    </message>
    <message>
        <source>There is already an office in schema {schema}; join it instead.</source>
        <translation>Ya hay una oficina en el esquema {schema}; únase a ella.</translation>
    </message>
    <message>
        <source>There is no Casefile office in schema {schema} of that database.</source>
        <translation>No hay ninguna oficina de Casefile en el esquema {schema} de esa base de datos.</translation>
    </message>
    <message>
        <source>The office database schema {schema} is at version {version} and needs version {needed}, which only its owner can apply: run &apos;casefile office status&apos; once with the administrator&apos;s connection.</source>
        <translation>El esquema {schema} de la base de datos de la oficina está en la versión {version} y necesita la versión {needed}, que solo su propietario puede aplicar: ejecute &apos;casefile office status&apos; una vez con la conexión del administrador.</translation>
    </message>
    <message>
        <source>Someone else changed the member list at the same moment; try again.</source>
        <translation>Otra persona cambió la lista de miembros en el mismo momento; inténtelo de nuevo.</translation>
    </message>
    <message>
        <source>it is not a record</source>
        <translation>no es un registro</translation>
    </message>
    <message>
        <source>it has no {field}</source>
        <translation>no tiene {field}</translation>
    </message>
    <message>
        <source>case id</source>
        <translation>identificador del caso</translation>
    </message>
    <message>
        <source>member id</source>
        <translation>identificador del miembro</translation>
    </message>
    <message>
        <source>push id</source>
        <translation>identificador del envío</translation>
    </message>
    <message>
        <source>its {what} {value} is not a plain id</source>
        <translation>su {what} {value} no es un identificador simple</translation>
    </message>
    <message>
        <source>its {field} {value} is not a whole number the office can keep</source>
        <translation>su {field} {value} no es un número entero que la oficina pueda guardar</translation>
    </message>
    <message>
        <source>it holds no sealed envelope</source>
        <translation>no contiene ningún sobre sellado</translation>
    </message>
    <message>
        <source>The office refused a push: a record for case {case} is not an office record ({problem}); nothing was written.</source>
        <translation>La oficina rechazó un envío: un registro del caso {case} no es un registro de la oficina ({problem}); no se escribió nada.</translation>
    </message>
    <message>
        <source>it is cut short: its log file {file} ends inside it</source>
        <translation>está cortado: su archivo de bitácora {file} termina dentro de él</translation>
    </message>
    <message>
        <source>it is not readable JSON</source>
        <translation>no es JSON legible</translation>
    </message>
</context>
<context>
    <name>zxcvbn</name>
    <message>
        <source>Straight rows of keys are easy to guess.</source>
        <translation>Las filas seguidas de teclas son fáciles de adivinar.</translation>
    </message>
    <message>
        <source>Short keyboard patterns are easy to guess.</source>
        <translation>Los patrones cortos de teclado son fáciles de adivinar.</translation>
    </message>
    <message>
        <source>Repeats like &quot;aaa&quot; are easy to guess.</source>
        <translation>Las repeticiones como «aaa» son fáciles de adivinar.</translation>
    </message>
    <message>
        <source>Repeats like &quot;abcabcabc&quot; are only slightly harder to guess than &quot;abc&quot;.</source>
        <translation>Las repeticiones como «abcabcabc» son apenas más difíciles de adivinar que «abc».</translation>
    </message>
    <message>
        <source>Sequences like &quot;abc&quot; or &quot;6543&quot; are easy to guess.</source>
        <translation>Las secuencias como «abc» o «6543» son fáciles de adivinar.</translation>
    </message>
    <message>
        <source>Recent years are easy to guess.</source>
        <translation>Los años recientes son fáciles de adivinar.</translation>
    </message>
    <message>
        <source>Dates are often easy to guess.</source>
        <translation>Las fechas suelen ser fáciles de adivinar.</translation>
    </message>
    <message>
        <source>This is a top-10 common password.</source>
        <translation>Es una de las 10 contraseñas más comunes.</translation>
    </message>
    <message>
        <source>This is a top-100 common password.</source>
        <translation>Es una de las 100 contraseñas más comunes.</translation>
    </message>
    <message>
        <source>This is a very common password.</source>
        <translation>Es una contraseña muy común.</translation>
    </message>
    <message>
        <source>This is similar to a commonly used password.</source>
        <translation>Se parece a una contraseña de uso común.</translation>
    </message>
    <message>
        <source>A word by itself is easy to guess.</source>
        <translation>Una palabra sola es fácil de adivinar.</translation>
    </message>
    <message>
        <source>Names and surnames by themselves are easy to guess.</source>
        <translation>Los nombres y apellidos solos son fáciles de adivinar.</translation>
    </message>
    <message>
        <source>Common names and surnames are easy to guess.</source>
        <translation>Los nombres y apellidos comunes son fáciles de adivinar.</translation>
    </message>
</context>
</TS>
