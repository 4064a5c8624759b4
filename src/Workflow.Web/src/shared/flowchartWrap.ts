// A phase's flowchart is drawn left to right, layer after layer, as the designer placed it. The analysis
// phase is 21 activities in one line: fitted to a page its labels are too small to read. So the picture
// wraps, like a line of text: the layers that fit the width form a row, the next layers start the next row
// below it, each row keeping the designer's vertical arrangement of its branches.

export interface Placed {
  id: string;
  position: { x: number; y: number };
}

export interface WrapOptions {
  /** The width a row may take, in flow units. */
  maxWidth: number;
  /** The width and height nodes are drawn at. */
  nodeWidth: number;
  nodeHeight: number;
  /** Space between a row's lowest node and the next row's highest. */
  rowGap: number;
  /** Nodes whose x differ by less than this are one layer (designers do not align to the pixel). */
  layerTolerance?: number;
}

/** The nodes moved into rows; each keeps its layer order and its place within its layer. */
export function wrapIntoRows<N extends Placed>(nodes: readonly N[], options: WrapOptions): N[] {
  if (nodes.length === 0) return [];
  const tolerance = options.layerTolerance ?? 40;
  const xs = [...new Set(nodes.map((n) => n.position.x))].sort((a, b) => a - b);
  // The x at which each layer starts: consecutive x values closer than the tolerance join one layer.
  const layerOf = new Map<number, number>();
  const layerX: number[] = [];
  for (const x of xs) {
    if (layerX.length === 0 || x - layerX[layerX.length - 1] >= tolerance) layerX.push(x);
    layerOf.set(x, layerX.length - 1);
  }
  // Rows, greedily: a layer joins the current row while the row, with it, still fits the width.
  const rowOfLayer: number[] = [];
  const rowStart: number[] = [];
  for (let layer = 0; layer < layerX.length; layer++) {
    const row = rowStart.length - 1;
    const fits = row >= 0 && layerX[layer] - layerX[rowStart[row]] + options.nodeWidth <= options.maxWidth;
    if (!fits) rowStart.push(layer);
    rowOfLayer.push(rowStart.length - 1);
  }
  const rowOf = (n: N) => rowOfLayer[layerOf.get(n.position.x)!];
  const top = rowStart.map(() => Number.POSITIVE_INFINITY);
  const bottom = rowStart.map(() => Number.NEGATIVE_INFINITY);
  for (const n of nodes) {
    const row = rowOf(n);
    top[row] = Math.min(top[row], n.position.y);
    bottom[row] = Math.max(bottom[row], n.position.y + options.nodeHeight);
  }
  const rowY: number[] = [];
  for (let row = 0, y = 0; row < rowStart.length; row++) {
    rowY.push(y);
    y += bottom[row] - top[row] + options.rowGap;
  }
  return nodes.map((n) => {
    const row = rowOf(n);
    return { ...n, position: { x: n.position.x - layerX[rowStart[row]], y: rowY[row] + n.position.y - top[row] } };
  });
}

/** The width and height the nodes take. */
export function extent(nodes: readonly Placed[], nodeWidth: number, nodeHeight: number): { width: number; height: number } {
  if (nodes.length === 0) return { width: 0, height: 0 };
  const xs = nodes.map((n) => n.position.x);
  const ys = nodes.map((n) => n.position.y);
  return { width: Math.max(...xs) - Math.min(...xs) + nodeWidth, height: Math.max(...ys) - Math.min(...ys) + nodeHeight };
}

/** The zoom a flowchart opens at, or above: its labels stay as legible as the page's small print. */
export const readableZoom = 0.8;

/** The row width that fills a frame of this many pixels at the readable zoom (two layers at least). */
export function rowWidthFor(frameWidth: number, nodeWidth: number): number {
  return Math.max(2 * nodeWidth + 80, frameWidth / readableZoom - 60);
}

/** The frame's height: the whole flow at the readable zoom, between a third and two thirds of a desk screen. */
export function frameHeightFor(flowHeight: number): number {
  return Math.round(Math.min(640, Math.max(320, flowHeight * readableZoom + 100)));
}
