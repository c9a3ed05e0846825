import { describe, expect, it } from 'vitest';
import { decodeXmlText, parseXmpPacket, xmpProblem, xmpText } from '../../../electron/library/metadata/xmp-packet.js';

const PACKET = `<?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?><x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description rdf:about="" xmlns:xmp="http://ns.adobe.com/xap/1.0/" xmp:Rating="4"/></rdf:RDF></x:xmpmeta><?xpacket end="w"?>`;

describe('XMP packets are checked before they are parsed', () => {
  it('parses a well-formed packet, also with the NUL some writers leave after it', () => {
    expect(parseXmpPacket(PACKET)).toEqual({ ok: true, groups: expect.objectContaining({ xmp: { Rating: 4 } }) });
    expect(parseXmpPacket(`${PACKET}\0`).ok).toBe(true);
  });

  it('refuses a DTD, broken XML, replacement characters and text that is not XMP, each with its reason', () => {
    expect(xmpProblem(`<!DOCTYPE a [<!ENTITY b "c">]>${PACKET}`)).toMatch(/declares a DTD/);
    expect(xmpProblem('<x:xmpmeta><rdf:RDF></x:xmpmeta>')).toMatch(/not well-formed XML/);
    expect(xmpProblem(PACKET.replace('Rating', 'Rat\uFFFDing'))).toMatch(/not UTF-8/);
    expect(xmpProblem('<html></html>')).toMatch(/holds no XMP/);
  });

  it('decodes UTF-8 and UTF-16 sidecars by their byte order mark and refuses other bytes', () => {
    expect(xmpText(Buffer.from(`\uFEFF${PACKET}`, 'utf8'))).toEqual({ ok: true, text: PACKET });
    expect(xmpText(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(PACKET, 'utf16le')]))).toEqual({ ok: true, text: PACKET });
    const bigEndian = Buffer.from(PACKET, 'utf16le');
    bigEndian.swap16();
    expect(xmpText(Buffer.concat([Buffer.from([0xfe, 0xff]), bigEndian]))).toEqual({ ok: true, text: PACKET });
    expect(xmpText(Buffer.from('caf\xe9', 'latin1'))).toMatchObject({ ok: false, reason: expect.stringMatching(/not UTF-8/) });
  });

  it('decodes the XML entities and character references exifr leaves in values', () => {
    expect(decodeXmlText('He said &quot;hi&quot; &amp; left &#233;&#x1F600; &bogus;')).toBe('He said "hi" & left é😀 &bogus;');
    const parsed = parseXmpPacket(PACKET.replace('xmp:Rating="4"', 'xmp:Label="R&amp;D"'));
    expect(parsed).toMatchObject({ ok: true, groups: { xmp: { Label: 'R&D' } } });
  });
});
