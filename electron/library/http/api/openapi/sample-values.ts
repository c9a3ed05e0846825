import type { RestMediaItem } from '../rest-item.js';

/** Example answers for the document. URLs are filled in with the server's own origin. */
export function sampleItem(origin: string, id = 1): RestMediaItem {
  const media = `${origin}/media/${id}`;
  return {
    id,
    type: 'image',
    mime: 'image/jpeg',
    format: 'jpeg',
    size: 2_417_664,
    humanSize: '2.42 MB',
    width: 4000,
    height: 3000,
    mode: 'srgb',
    hasAlpha: false,
    orientation: 1,
    md5: '9e107d9d372bb6826bd81d3542a419d6',
    takenAt: '2023-08-14T19:42:10',
    cameraMake: 'NIKON',
    cameraModel: 'COOLPIX P6000',
    gps: { latitude: 43.467, longitude: 11.885, altitude: null },
    duration: null,
    originalName: 'DSCN0010.jpg',
    path: '/home/ann/Pictures/2023/DSCN0010.jpg',
    folderId: 1,
    mtime: '2023-08-14T19:42:10.000Z',
    name: 'Harbour at dusk',
    description: 'Boats coming in',
    tags: ['harbour', 'evening'],
    impliedTags: [],
    metadata: { photographer: 'Ann' },
    customCoordinates: '0,0,50,50',
    rating: 4,
    label: 'red',
    flag: 'pick',
    albums: [{ id: 1, name: 'Keepers' }],
    AITags: [{ name: 'landscape', confidence: 0.92, source: 'local-analysis' }],
    extensionStatus: [{ extension: 'local-analysis', status: 'done', message: null, ranAt: '2024-01-02T10:00:00.000Z' }],
    thumbnails: [64, 128, 512, 1080].map((size) => ({
      size: size as 64 | 128 | 512 | 1080,
      width: size,
      height: Math.round((size * 3) / 4),
      bytes: size * 40,
      url: `${media}/thumb/${size}`,
    })),
    url: `${media}/original`,
    parentId: null,
    derivedCount: 0,
    status: 'active',
    availability: 'present',
    fileState: 'ok',
    stateReason: null,
    deletedAt: null,
    createdAt: '2024-01-02T09:59:00.000Z',
    updatedAt: '2024-01-02T10:05:00.000Z',
    updatedBy: 'api',
  };
}

export const errorExample = (code: string, message: string, field?: string) => ({
  error: field === undefined ? { code, message } : { code, message, field },
});
