// The layout of the small phase diagram: the phases left to right in their order, an arrow from
// each to the next, and each phase's exit gates listed under its box (the gates hold the way out).

export interface DiagramPhase {
  label: string;
  workflow: string;
  gates: string[];
}

export interface DiagramBox extends DiagramPhase {
  x: number;
  y: number;
  width: number;
  height: number;
  gateY: number[];
}

export interface DiagramLayout {
  width: number;
  height: number;
  boxes: DiagramBox[];
  arrows: { x1: number; x2: number; y: number }[];
}

export const boxWidth = 190;
export const boxHeight = 56;
export const gap = 48;
export const gateLine = 20;
const margin = 8;

export function layoutPhases(phases: readonly DiagramPhase[]): DiagramLayout {
  const boxes = phases.map((p, i) => {
    const x = margin + i * (boxWidth + gap);
    const y = margin;
    return { ...p, x, y, width: boxWidth, height: boxHeight, gateY: p.gates.map((_, g) => y + boxHeight + 18 + g * gateLine) };
  });
  const arrows = boxes.slice(1).map((b, i) => ({ x1: boxes[i].x + boxWidth, x2: b.x, y: margin + boxHeight / 2 }));
  const mostGates = Math.max(0, ...phases.map((p) => p.gates.length));
  return {
    width: Math.max(boxWidth, phases.length * boxWidth + Math.max(0, phases.length - 1) * gap) + 2 * margin,
    height: margin * 2 + boxHeight + (mostGates > 0 ? 10 + mostGates * gateLine : 0),
    boxes,
    arrows,
  };
}
