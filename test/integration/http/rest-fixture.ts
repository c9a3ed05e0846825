import { startTestServer, type TestServer } from './http-fixture.js';

/** Four real photos: after the import their ids are 1–4 (the OpenAPI examples use 1, 2 and 3). */
export const REST_CORPUS = ['jpg/Canon_40D.jpg', 'jpg/Nikon_D70.jpg', 'jpg/gps/DSCN0010.jpg', 'jpg/orientation/landscape_1.jpg'];

export function startRestServer(): Promise<TestServer> {
  return startTestServer({ corpus: REST_CORPUS });
}

export interface ItemJson {
  id: number;
  name: string;
  description: string;
  tags: string[];
  metadata: Record<string, unknown>;
  customCoordinates: string | null;
  AITags: { name: string; confidence: number; source: string }[];
  extensionStatus: { extension: string; status: string }[];
  thumbnails: { size: number; url: string; bytes: number }[];
  url: string;
  status: string;
  updatedBy: string;
  width: number;
  [key: string]: unknown;
}

export interface ErrorJson {
  error: { code: string; message: string; field?: string };
}
