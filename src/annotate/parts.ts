import { AnnotateError, type DocxPackage } from './package.js';
import { elementChildren, parseXml } from './xml.js';

// The package's plumbing: where the main document is, and how a new part is registered.

const REL_NS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const OFFICE_DOCUMENT = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument';
const MACRO_TYPE = /macroEnabled/i;

/** word/document.xml → word/_rels/document.xml.rels */
export function relsPathOf(part: string): string {
  const slash = part.lastIndexOf('/');
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

/** A relationship target, relative to its source part, as a package path without the leading slash. */
function resolveTarget(source: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = source.split('/').slice(0, -1);
  for (const seg of target.split('/')) {
    if (seg === '..') parts.pop();
    else if (seg !== '.' && seg !== '') parts.push(seg);
  }
  return parts.join('/');
}

export function relationships(pkg: DocxPackage, rels: string): Document | undefined {
  const bytes = pkg.parts.get(rels);
  return bytes && parseXml(bytes, rels);
}

/** The main document part; a macro-enabled document (.docm) is refused: its copy would carry the macros on. */
export function mainPart(pkg: DocxPackage): string {
  const types = pkg.parts.get('[Content_Types].xml');
  if (!types) throw new AnnotateError('malformed', '[Content_Types].xml');
  const typesDoc = parseXml(types, '[Content_Types].xml');
  const root = relationships(pkg, '_rels/.rels');
  const rel = root && elementChildren(root.documentElement).find((r) => r.getAttribute('Type') === OFFICE_DOCUMENT);
  const main = rel ? resolveTarget('', rel.getAttribute('Target') ?? '') : 'word/document.xml';
  const override = elementChildren(typesDoc.documentElement).find((o) => o.localName === 'Override' && o.getAttribute('PartName') === `/${main}`);
  if (MACRO_TYPE.test(override?.getAttribute('ContentType') ?? '') || pkg.parts.has('word/vbaProject.bin')) throw new AnnotateError('macro');
  if (!pkg.parts.has(main)) throw new AnnotateError('malformed', main);
  return main;
}

/** The target part of the first relationship of `type` from `source`, if any. */
export function relatedPart(pkg: DocxPackage, source: string, type: string): string | undefined {
  const rels = relationships(pkg, relsPathOf(source));
  const rel = rels && elementChildren(rels.documentElement).find((r) => r.getAttribute('Type') === type && r.getAttribute('TargetMode') !== 'External');
  return rel ? resolveTarget(source, rel.getAttribute('Target') ?? '') : undefined;
}

/** Registers a new part: a relationship from `source` and its content type. Returns the changed parts' new bytes. */
export function addPart(pkg: DocxPackage, source: string, part: string, relType: string, contentType: string, serialize: (d: Document) => Uint8Array): void {
  const relsPath = relsPathOf(source);
  const rels =
    relationships(pkg, relsPath) ??
    parseXml(new TextEncoder().encode(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<Relationships xmlns="${REL_NS}"></Relationships>`), relsPath);
  const ids = new Set(elementChildren(rels.documentElement).map((r) => r.getAttribute('Id')));
  let n = ids.size + 1;
  while (ids.has(`rId${n}`)) n++;
  const rel = rels.createElementNS(REL_NS, 'Relationship');
  rel.setAttribute('Id', `rId${n}`);
  rel.setAttribute('Type', relType);
  rel.setAttribute('Target', part.slice(source.lastIndexOf('/') + 1));
  rels.documentElement.appendChild(rel);
  setPart(pkg, relsPath, serialize(rels));

  const types = parseXml(pkg.parts.get('[Content_Types].xml')!, '[Content_Types].xml');
  const ns = types.documentElement.namespaceURI;
  const override = types.createElementNS(ns, 'Override');
  override.setAttribute('PartName', `/${part}`);
  override.setAttribute('ContentType', contentType);
  types.documentElement.appendChild(override);
  setPart(pkg, '[Content_Types].xml', serialize(types));
}

export function setPart(pkg: DocxPackage, name: string, bytes: Uint8Array): void {
  if (!pkg.parts.has(name)) pkg.names.push(name);
  pkg.parts.set(name, bytes);
}
