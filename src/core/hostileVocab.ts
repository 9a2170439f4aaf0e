/**
 * Test support (imported by tests only, never by the app): what a hostile link is made of. The
 * generator that combines these into links from a fixed seed is hostileLinks.ts.
 */

/** A tiny seeded PRNG (mulberry32), kept here so the links do not change when the app's does. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** Every JavaScript object has these (own or inherited): a key or value must never reach them. */
export const INHERITED_NAMES = [
  'constructor', 'toString', 'valueOf', 'hasOwnProperty', '__proto__', 'isPrototypeOf', 'propertyIsEnumerable',
  'toLocaleString', '__defineGetter__', '__defineSetter__', '__lookupGetter__', '__lookupSetter__', 'prototype',
] as const

/** Markup a link might carry; the page must show it as text, if at all, and never as elements. */
export const MARKUP = [
  '<img src=x onerror=alert(1)>',
  '"><script>alert(1)</script>',
  "'><svg onload=alert(1)>",
  '<iframe src="javascript:alert(1)"></iframe>',
  '</div><b id="injected">x</b>',
  'javascript:alert(1)',
  '{{constructor.constructor("alert(1)")()}}',
] as const

/** Numbers a strict decimal reader must refuse, clamp or take exactly. */
export const ODD_NUMBERS = [
  '1e309', '-1e309', '-0', '+0', 'NaN', 'Infinity', '-Infinity', ' 5', '5 ', '+5', '%2B5', '0x10', '0X1f', '0b11', '0o7', '1_000',
  '１２', '٣', '¹', 'Ⅻ', '1e-400', '5e-324', '9007199254740993', '1'.repeat(400), '.5', '5.', '0.1.2', '--5', '5e', 'e5', '1,5',
  '1/2', '', '0', '-1', '1e3', '2.5', '4294967296', '-4294967297', '050', '5.0', '1e+2', '0.30000000000000004', '1.0000000000000002',
  '2.0000000000000001', 'true', 'on', 'off', 'auto', 'null', 'undefined', '[]', '{}',
] as const

/** Percent-encoding that is broken, or encodes what a link should not hold. */
export const BROKEN_ESCAPES = ['%', '%E0%A4%A', '%00', '%ZZ', '%C0%AF', '%ED%A0%80', '%FF%FE', '%%', '%2', '%u0041', '%E2%80%AE', '%0A%0D', '%25'] as const

/** Text outside ASCII: direction overrides, joiners, astral letters, combining marks, wide digits. */
export const ODD_TEXT = ['\u202e', '\u200d', '\ufeff', '😀', '𝐀𝐁𝐂', 'あいう', 'e\u0301', '\u0000', '\u001b[31m', 'Ω', 'ß', '\ud800', '𝐀'.repeat(11), 'a' + '𝐀'.repeat(10)] as const

/** Percent-encodes what it can; lone surrogates (which encodeURIComponent refuses) go in as they are. */
export function enc(s: string): string {
  return s.replace(/[^\ud800-\udfff]+|[\ud800-\udbff][\udc00-\udfff]|[\ud800-\udfff]/g, (m) => (m.length === 1 && m >= '\ud800' && m <= '\udfff' ? m : encodeURIComponent(m)))
}
