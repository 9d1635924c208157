import { XMLParser } from "fast-xml-parser";

/**
 * Namespace- and order-agnostic XML reading. Every element becomes a string (text) or an
 * object of children; repeated elements become arrays. The accessors below always read by
 * local name and treat "one" and "many" the same, so callers never see the difference.
 */

export type XmlValue = string | XmlNode | XmlValue[];
export type XmlNode = { [name: string]: XmlValue };

const parser = new XMLParser({
  removeNSPrefix: true,
  ignoreAttributes: true,
  parseTagValue: false,
  trimValues: true,
  ignoreDeclaration: true,
  ignorePiTags: true,
  processEntities: true,
  htmlEntities: false,
});

export function isXmlNode(value: unknown): value is XmlNode {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Parses a document; returns null when it is not well-formed XML with a root element. */
export function parseXmlDocument(xml: string): XmlNode | null {
  if (!xml.trim().startsWith("<")) return null;
  // Amazon never sends a DTD; refusing one rules out entity-expansion tricks in forged IPN payloads.
  if (/<!DOCTYPE|<!ENTITY/i.test(xml)) return null;
  try {
    const doc: unknown = parser.parse(xml, true);
    return isXmlNode(doc) ? doc : null;
  } catch {
    return null;
  }
}

function flatten(value: XmlValue | undefined): XmlValue[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? value.flatMap((v) => flatten(v)) : [value];
}

/** All children named `name` (any count normalised to an array). */
export function getAll(node: XmlNode | undefined, name: string): XmlValue[] {
  return node ? flatten(node[name]) : [];
}

/** First child element named `name` that has children; an empty element (`<X/>`) yields an empty node. */
export function getNode(node: XmlNode | undefined, name: string): XmlNode | undefined {
  for (const value of getAll(node, name)) {
    if (isXmlNode(value)) return value;
    if (value === "") return {};
  }
  return undefined;
}

export function getNodes(node: XmlNode | undefined, name: string): XmlNode[] {
  return getAll(node, name).flatMap((value) => (isXmlNode(value) ? [value] : value === "" ? [{}] : []));
}

function textOf(value: XmlValue): string | undefined {
  if (typeof value === "string") return value;
  if (isXmlNode(value)) {
    const inner = value["#text"];
    return typeof inner === "string" ? inner : undefined;
  }
  return undefined;
}

/** Text of the first child named `name`; undefined when absent or empty. */
export function getText(node: XmlNode | undefined, name: string): string | undefined {
  for (const value of getAll(node, name)) {
    const text = textOf(value);
    if (text !== undefined) return text === "" ? undefined : text;
  }
  return undefined;
}

/** Texts of every child named `name`. */
export function getTexts(node: XmlNode | undefined, name: string): string[] {
  return getAll(node, name).flatMap((value) => {
    const text = textOf(value);
    return text ? [text] : [];
  });
}

export function getBoolean(node: XmlNode | undefined, name: string): boolean | undefined {
  const text = getText(node, name)?.toLowerCase();
  if (text === "true") return true;
  if (text === "false") return false;
  return undefined;
}

/** The root element: its name and node (a document has exactly one). */
export function getRoot(doc: XmlNode): { name: string; node: XmlNode } | null {
  for (const [name, value] of Object.entries(doc)) {
    if (name.startsWith("?") || name === "#text") continue;
    if (isXmlNode(value)) return { name, node: value };
    if (value === "") return { name, node: {} };
  }
  return null;
}
