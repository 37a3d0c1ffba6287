import { deflateSync } from 'node:zlib';
import { OUTPUT_PROFILE } from '../../common/colour/output-profile';
import { outputProfileBytes } from '../../common/node/output-profile-file';

/** The PDF/X part and conformance Rosette's PDFs claim (ISO 15930-7). */
export const PDFX_VERSION = 'PDF/X-4';

/** What the document-level PDF/X entries say. */
export interface PdfXFacts {
  title: string;
  /** The document's language (BCP 47). */
  language: string;
  /** When the document was made: the same for the same design and renderer version, so the bytes are too. */
  created: Date;
  /** 16 bytes that identify this document's content: the trailer's /ID and the XMP document id. */
  documentId: Buffer;
}

let compressedProfile: Buffer | undefined;

interface PdfKitInternals {
  _root: { data: Record<string, unknown> };
  _id: Buffer;
  info: Record<string, unknown>;
  appendXML(xml: string, newline?: boolean): void;
  _addInfo(): void;
}

/**
 * Makes a pdfkit document a PDF/X-4 file: the OutputIntent with the embedded CMYK output profile, the Info
 * keys PDF/X requires (Title, CreationDate, ModDate, Trapped, GTS_PDFXVersion), a fixed document ID, and an
 * XMP packet that agrees with the Info dictionary. Call it right after creating the document. Reaches into
 * pdfkit's internals where it has no API (the catalog, the trailer ID, the XMP writer), all in this file.
 */
export function makePdfX(doc: PDFKit.PDFDocument, facts: PdfXFacts): void {
  const internals = doc as unknown as PdfKitInternals;
  // The profile is compressed once per process, not once per PDF.
  compressedProfile ??= deflateSync(outputProfileBytes(), { level: 9 });
  const profile = doc.ref({ N: 4, Alternate: 'DeviceCMYK', Filter: 'FlateDecode' });
  profile.end(compressedProfile);
  const intent = doc.ref({
    Type: 'OutputIntent',
    S: 'GTS_PDFX',
    OutputConditionIdentifier: new String(OUTPUT_PROFILE.outputConditionIdentifier),
    OutputCondition: new String(OUTPUT_PROFILE.outputCondition),
    RegistryName: new String(OUTPUT_PROFILE.registryName),
    Info: new String(OUTPUT_PROFILE.description),
    DestOutputProfile: profile,
  });
  (intent as unknown as { end(): void }).end();
  internals._root.data.OutputIntents = [intent];

  internals._id = facts.documentId;
  Object.assign(internals.info, {
    Title: facts.title,
    CreationDate: facts.created,
    ModDate: facts.created,
    Creator: 'Rosette',
    Producer: 'Rosette (pdfkit)',
    Trapped: pdfName(doc, 'False'),
    GTS_PDFXVersion: PDFX_VERSION,
  });
  internals._addInfo = () => internals.appendXML(xmpDescriptions(facts));
}

/**
 * A PDF name object that pdfkit's Info writer will write as a name rather than a string (PDF/X wants
 * /Trapped /False, a name): pdfkit writes any reference-like object by calling its toString().
 */
function pdfName(doc: PDFKit.PDFDocument, name: string): object {
  const referenceProto = Object.getPrototypeOf(Object.getPrototypeOf((doc as unknown as { _root: object })._root)) as object;
  return Object.create(referenceProto, { toString: { value: () => `/${name}` } }) as object;
}

function xmpDescriptions({ title, language, created, documentId }: PdfXFacts): string {
  const date = created.toISOString().replace(/\.\d{3}Z$/, 'Z');
  const uuid = toUuid(documentId);
  return `
<rdf:Description rdf:about="" xmlns:xmp="http://ns.adobe.com/xap/1.0/">
  <xmp:CreateDate>${date}</xmp:CreateDate>
  <xmp:ModifyDate>${date}</xmp:ModifyDate>
  <xmp:MetadataDate>${date}</xmp:MetadataDate>
  <xmp:CreatorTool>Rosette</xmp:CreatorTool>
</rdf:Description>
<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/">
  <dc:format>application/pdf</dc:format>
  <dc:title><rdf:Alt><rdf:li xml:lang="x-default">${escapeXml(title)}</rdf:li></rdf:Alt></dc:title>
  <dc:language><rdf:Bag><rdf:li>${escapeXml(language)}</rdf:li></rdf:Bag></dc:language>
</rdf:Description>
<rdf:Description rdf:about="" xmlns:pdf="http://ns.adobe.com/pdf/1.3/">
  <pdf:Producer>Rosette (pdfkit)</pdf:Producer>
  <pdf:Trapped>False</pdf:Trapped>
</rdf:Description>
<rdf:Description rdf:about="" xmlns:pdfxid="http://www.npes.org/pdfx/ns/id/">
  <pdfxid:GTS_PDFXVersion>${PDFX_VERSION}</pdfxid:GTS_PDFXVersion>
</rdf:Description>
<rdf:Description rdf:about="" xmlns:xmpMM="http://ns.adobe.com/xap/1.0/mm/">
  <xmpMM:DocumentID>uuid:${uuid}</xmpMM:DocumentID>
  <xmpMM:InstanceID>uuid:${uuid}</xmpMM:InstanceID>
  <xmpMM:VersionID>1</xmpMM:VersionID>
  <xmpMM:RenditionClass>default</xmpMM:RenditionClass>
</rdf:Description>`;
}

function toUuid(id: Buffer): string {
  const hex = id.toString('hex').padEnd(32, '0').slice(0, 32);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** Text as XML character data: markup escaped, and what XML 1.0 cannot hold at all (control characters, broken surrogate pairs) dropped. */
function escapeXml(text: string): string {
  return text
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '')
    .replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
