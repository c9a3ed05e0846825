/** What the objects extension needs from a detector, whichever model answers it. */

/** A box as fractions of the input picture (0..1), top-left corner and size. */
export interface UnitBox {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface Detection {
  label: string;
  score: number;
  box: UnitBox;
}

export interface ObjectDetector {
  /** Model name and version, recorded so a model change can be told from the tags. */
  model: string;
  /** The square input the graph takes, in pixels. */
  inputSize: number;
  /** `rgb`: inputSize × inputSize × 3 bytes, row by row. Detections above `floor`, best first. */
  detect(rgb: Uint8Array, floor: number): Promise<Detection[]>;
}
