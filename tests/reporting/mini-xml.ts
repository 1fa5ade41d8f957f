/**
 * A minimal, strict XML 1.0 reader for the JUnit tests (no dependencies): refuses characters XML forbids,
 * unbalanced or crossed tags, unquoted or duplicate attributes, raw `<` or `&` where they cannot be, and any
 * content outside the one root element. Enough for what junit.ts writes (no DTD, no CDATA, no comments).
 */
export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  /** Text directly inside the element, entities decoded. */
  text: string;
}

const FORBIDDEN = /(?![\t\n\r\u007F-\u009F])\p{Cc}|\p{Cs}|[\uFFFE\uFFFF]/u;
const NAME = /^[A-Za-z_][\w.:-]*/;

function decode(raw: string, where: number): string {
  if (raw.includes('<')) throw new Error(`raw "<" at ${where}`);
  return raw.replace(/&([^;]*);|&/g, (match, entity: string | undefined) => {
    if (entity === undefined) throw new Error(`bare "&" at ${where}`);
    const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
    if (named[entity] !== undefined) return named[entity];
    const numeric = /^#(?:x([0-9a-fA-F]+)|([0-9]+))$/.exec(entity);
    if (numeric === null) throw new Error(`unknown entity ${match} at ${where}`);
    const code = numeric[1] !== undefined ? parseInt(numeric[1], 16) : Number(numeric[2]);
    const ch = String.fromCodePoint(code);
    if (FORBIDDEN.test(ch)) throw new Error(`reference to a forbidden character ${match} at ${where}`);
    return ch;
  });
}

export function parseXml(source: string): XmlElement {
  const bad = FORBIDDEN.exec(source);
  if (bad !== null)
    throw new Error(`forbidden character U+${(bad[0].codePointAt(0) ?? 0).toString(16)} at ${bad.index}`);
  let at = 0;
  const prolog = /^<\?xml[^?]*\?>/.exec(source);
  if (prolog !== null) at = prolog[0].length;

  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  while (at < source.length) {
    const lt = source.indexOf('<', at);
    const text = source.slice(at, lt === -1 ? source.length : lt);
    const top = stack.at(-1);
    if (top === undefined) {
      if (text.trim() !== '') throw new Error(`text outside the root element at ${at}`);
    } else top.text += decode(text, at);
    if (lt === -1) break;
    at = lt;

    if (source.startsWith('</', at)) {
      const close = /^<\/([A-Za-z_][\w.:-]*)\s*>/.exec(source.slice(at));
      if (close === null) throw new Error(`malformed end tag at ${at}`);
      const open = stack.pop();
      if (open === undefined || open.name !== close[1]) {
        throw new Error(`end tag </${close[1]}> at ${at} does not close <${open?.name ?? '(nothing)'}>`);
      }
      at += close[0].length;
      continue;
    }

    at += 1;
    const name = NAME.exec(source.slice(at));
    if (name === null) throw new Error(`malformed tag at ${at - 1}`);
    at += name[0].length;
    const element: XmlElement = { name: name[0], attributes: {}, children: [], text: '' };
    for (;;) {
      const space = /^\s*/.exec(source.slice(at));
      at += space?.[0].length ?? 0;
      if (source.startsWith('/>', at) || source.startsWith('>', at)) break;
      if ((space?.[0].length ?? 0) === 0) throw new Error(`no space before an attribute at ${at}`);
      const attribute = /^([A-Za-z_][\w.:-]*)\s*=\s*(?:"([^"]*)"|'([^']*)')/.exec(source.slice(at));
      if (attribute === null || attribute[1] === undefined) throw new Error(`malformed attribute at ${at}`);
      if (Object.hasOwn(element.attributes, attribute[1]))
        throw new Error(`duplicate attribute ${attribute[1]} at ${at}`);
      element.attributes[attribute[1]] = decode(attribute[2] ?? attribute[3] ?? '', at);
      at += attribute[0].length;
    }
    const parent = stack.at(-1);
    if (parent !== undefined) parent.children.push(element);
    else if (root !== undefined) throw new Error(`a second root element at ${at}`);
    else root = element;
    if (source.startsWith('/>', at)) at += 2;
    else {
      at += 1;
      stack.push(element);
    }
  }
  if (stack.length > 0) throw new Error(`unclosed <${stack.map((e) => e.name).join('> <')}>`);
  if (root === undefined) throw new Error('no root element');
  return root;
}

/** Every element named `name` below (and including) `element`, in document order. */
export function findAll(element: XmlElement, name: string): XmlElement[] {
  const found = element.name === name ? [element] : [];
  return found.concat(...element.children.map((child) => findAll(child, name)));
}
