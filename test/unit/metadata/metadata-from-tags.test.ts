import { describe, expect, it } from 'vitest';
import { labelOf, metadataFromEmbedded, metadataFromXmp, peopleOf, ratingAndFlag } from '../../../electron/library/metadata/metadata-from-tags.js';
import { reconcileLocations } from '../../../electron/library/metadata/metadata-precedence.js';
import { EMPTY_LOCATION } from '../../../electron/library/metadata/file-metadata.js';

const utf16 = (text: string) => [...Buffer.from(`${text}\0`, 'utf16le')];

describe('the mapping from raw metadata to what Folio keeps', () => {
  it('reads Lightroom -1 as the reject flag and rounds and caps ratings', () => {
    expect(ratingAndFlag(-1)).toEqual({ rating: 0, flag: 'reject' });
    expect(ratingAndFlag('3.0')).toEqual({ rating: 3, flag: null });
    expect(ratingAndFlag(7)).toEqual({ rating: 5, flag: null });
    expect(ratingAndFlag('stars')).toEqual({ rating: null, flag: null });
  });

  it('maps Lightroom label names and digiKam colour numbers onto the five colours', () => {
    expect(labelOf('Purple', undefined)).toBe('purple');
    expect(labelOf(undefined, 4)).toBe('green');
    expect(labelOf(undefined, '2')).toBeNull(); // digiKam's orange has no twin
    expect(labelOf('Red', 5)).toBe('red'); // xmp:Label first
  });

  it('keeps named faces only, from MWG and Microsoft regions, once each', () => {
    const xmp = {
      'mwg-rs': { Regions: { RegionList: [{ Name: 'Alice', Type: 'Face' }, { Name: 'Sky', Type: 'Focus' }, { Name: 'Bob' }] } },
      MP: { RegionInfo: { Regions: { PersonDisplayName: 'alice' } } },
    };
    expect(peopleOf(xmp)).toEqual(['Alice', 'Bob']);
  });

  it('prefers XMP over IPTC unless the IPTC was edited after, and EXIF ImageDescription over both', () => {
    const xmp = { dc: { subject: ['x1'], description: { lang: 'x-default', value: 'xmp text' }, title: [{ lang: 'de', value: 'Titel' }, { lang: 'x-default', value: 'Title' }] } };
    const iptc = { Keywords: ['i1', 'i2'], Caption: 'iptc text', ObjectName: 'iptc title' };
    expect(metadataFromEmbedded({ xmp, iptc, ifd0: null, iptcEditedAfterXmp: false })).toMatchObject({ keywordPaths: [['x1']], description: 'xmp text', title: 'Title' });
    expect(metadataFromEmbedded({ xmp, iptc, ifd0: null, iptcEditedAfterXmp: true })).toMatchObject({ keywordPaths: [['i1'], ['i2']], description: 'iptc text', title: 'iptc title' });
    expect(metadataFromEmbedded({ xmp, iptc, ifd0: { ImageDescription: 'exif text' }, iptcEditedAfterXmp: false }).description).toBe('exif text');
  });

  it('ignores the camera placeholders in ImageDescription and reads Windows XP tags as UTF-16', () => {
    const ifd0 = { ImageDescription: 'OLYMPUS DIGITAL CAMERA', XPKeywords: utf16('sea;sky'), XPComment: utf16('Été'), XPTitle: utf16('Plage') };
    expect(metadataFromEmbedded({ xmp: null, iptc: null, ifd0, iptcEditedAfterXmp: false })).toMatchObject({ keywordPaths: [['sea'], ['sky']], description: 'Été', title: 'Plage' });
    expect(metadataFromEmbedded({ xmp: null, iptc: null, ifd0: { ImageDescription: 'NIKON', Make: 'NIKON' }, iptcEditedAfterXmp: false }).description).toBeNull();
  });

  it('takes digiKam pick labels as flags', () => {
    expect(metadataFromXmp({ digiKam: { PickLabel: 3 } }).flag).toBe('pick');
    expect(metadataFromXmp({ digiKam: { PickLabel: 1 } }).flag).toBe('reject');
  });

  it('reconciles locations: the first that has a single value wins, keywords merge with their source', () => {
    const sidecar = { ...EMPTY_LOCATION, rating: 5, keywordPaths: [['Events', 'Wedding']] };
    const embedded = { ...EMPTY_LOCATION, rating: 2, description: 'inside', keywordPaths: [['Events'], ['cat']] };
    const result = reconcileLocations([
      { location: 'sidecar', metadata: sidecar },
      { location: 'embedded', metadata: embedded },
    ]);
    expect(result).toMatchObject({ rating: 5, description: 'inside', keywordPaths: [['Events', 'Wedding'], ['cat']] });
    expect(result.sources).toEqual({ keywords: { 'events/wedding': 'sidecar', cat: 'embedded' }, people: {}, rating: 'sidecar', description: 'embedded' });
  });
});
