/**
 * Loads a TensorFlow.js graph model (model.json + weight shards) from files on disk. tfjs's own
 * loaders fetch by URL; this IOHandler reads the files, so a model inside node_modules is used
 * as shipped and nothing goes over the network.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import type { io } from '@tensorflow/tfjs-core';

interface ModelJson {
  format?: string;
  generatedBy?: string;
  convertedBy?: string;
  modelTopology: unknown;
  signature?: unknown;
  userDefinedMetadata?: { [key: string]: object };
  weightsManifest: { paths: string[]; weights: io.WeightsManifestEntry[] }[];
}

export function fileModelHandler(modelJsonPath: string): io.IOHandler {
  return {
    async load(): Promise<io.ModelArtifacts> {
      const json = JSON.parse(await fs.readFile(modelJsonPath, 'utf8')) as ModelJson;
      const dir = path.dirname(modelJsonPath);
      const weightSpecs: io.WeightsManifestEntry[] = [];
      const shards: Buffer[] = [];
      for (const group of json.weightsManifest) {
        weightSpecs.push(...group.weights);
        for (const shard of group.paths) shards.push(await fs.readFile(path.join(dir, shard)));
      }
      const all = Buffer.concat(shards);
      // A fresh ArrayBuffer holding exactly the weights (a Buffer may be a view into a pool).
      const weightData = all.buffer.slice(all.byteOffset, all.byteOffset + all.byteLength) as ArrayBuffer;
      return {
        modelTopology: json.modelTopology as io.ModelArtifacts['modelTopology'],
        weightSpecs,
        weightData,
        format: json.format,
        generatedBy: json.generatedBy,
        convertedBy: json.convertedBy ?? null,
        signature: json.signature as io.ModelArtifacts['signature'],
        userDefinedMetadata: json.userDefinedMetadata,
      };
    },
  };
}
