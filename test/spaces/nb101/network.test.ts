// The built NB101 network against the closed form and the module layout it must have: parameter
// count = cost.ts's for every record we hold (building allocates nothing, so 552 builds are
// quick), Conv2d/Linear nodes counted and sided as archai's model registers them.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { readDataText } from "../../../src/data/dataBytes.js";
import { dataFile, resolveDataRoot } from "../../../src/data/paths.js";
import { parseCell } from "../../../src/spaces/nb101/codec.js";
import { nb101Cost } from "../../../src/spaces/nb101/cost.js";
import { nb101Network } from "../../../src/spaces/nb101/network.js";
import type { Nb101Cell } from "../../../src/spaces/nb101/ops.js";

const root = resolveDataRoot();
const json = (...parts: string[]) => JSON.parse(readDataText(dataFile(root, ...parts)));
const naslibCells = Object.keys(json("naslib_zc", "zc_nasbench101_subset.json").nasbench101.cifar10).map(parseCell);
const nasbenchCells = Object.values<{ fixed: { module_adjacency: number[][]; module_operations: string[] } }>(json("nb101", "nb101_records_52.json")).map(({ fixed }) =>
  parseCell(JSON.stringify({ matrix: fixed.module_adjacency, ops: fixed.module_operations })),
);

/** Stem + classifier, and per cell (9 of them) one conv per conv vertex and one per input projection. */
const predictedNodes = (cell: Nb101Cell): number => 2 + 9 * (cell.ops.filter((op) => op !== "maxpool3x3").length + cell.matrix[0].filter(Boolean).length);

test("the built parameter count equals the closed form for all 500 NASLib and all 52 nasbench cells", () => {
  assert.is(naslibCells.length, 500);
  assert.is(nasbenchCells.length, 52);
  for (const cell of [...naslibCells, ...nasbenchCells]) {
    assert.is(nb101Network(cell).parameterCount(), Math.round(nb101Cost(cell).params * 1e6), JSON.stringify(cell));
  }
});

test("nodes: stem, per cell the vertex convs then the projections, the classifier; at most 83", () => {
  for (const cell of [...naslibCells, ...nasbenchCells]) {
    const net = nb101Network(cell);
    const nodes = net.nodes();
    assert.is(nodes.length, predictedNodes(cell));
    assert.ok(nodes.length <= 83);
    assert.is(net.nodeOutputSides(32).length, nodes.length);
    assert.is(net.batchNorms().length, nodes.length - 1, "one BN per conv");
  }
  // The largest: five conv vertices and four projections per cell.
  const largest = parseCell("c3,c3,c3,c3,c3:01,02,03,04,12,23,34,45,56");
  assert.is(nb101Network(largest).nodes().length, 83);
});

test("module order and names follow archai (vertex_op before input_op in every cell)", () => {
  // Vertex 1 (1×1 conv) and 3 (max-pool) read the input; 2 (3×3) and the output do not.
  const net = nb101Network(parseCell("c1,c3,mp:01,03,12,24,34"));
  const names = net.nodes().map((n) => n.weight.name);
  assert.equal(names.slice(0, 5), [
    "layers.0.conv_bn_relu.0.weight",
    "layers.1.vertex_op.1.conv1x1.conv_bn_relu.0.weight",
    "layers.1.vertex_op.2.conv3x3.conv_bn_relu.0.weight",
    "layers.1.input_op.1.conv_bn_relu.0.weight",
    "layers.1.input_op.3.conv_bn_relu.0.weight",
  ]);
  // The max-pools are entries 4 and 8 of archai's `layers` list.
  assert.equal([...new Set(names.slice(1, -1).map((n) => n.split(".")[1]))], ["1", "2", "3", "5", "6", "7", "9", "10", "11"]);
  assert.is(names[names.length - 1], "classifier.weight");
  assert.is(new Set(net.parameters().map((p) => p.name)).size, net.parameters().length, "unique parameter names");
});

test("node output sides: 32, 16, 8 by stack for CIFAR-10, 1 for the classifier", () => {
  const net = nb101Network(parseCell("c3:01,12"));
  // Per cell: the vertex conv and the projection into vertex 1.
  assert.equal(net.nodeOutputSides(32), [32, ...Array(6).fill(32), ...Array(6).fill(16), ...Array(6).fill(8), 1]);
});

test("the stem width and classes are options; channels double per stack", () => {
  const net = nb101Network(parseCell(":01"), { stemChannels: 16, classes: 5 });
  assert.is(net.classes, 5);
  assert.equal(net.nodes().map((n) => (n.kind === "conv2d" ? [n.inChannels, n.outChannels] : [n.inFeatures, n.outFeatures])), [
    [3, 16], [16, 16], [16, 16], [16, 16], [16, 32], [32, 32], [32, 32], [32, 64], [64, 64], [64, 64], [64, 5],
  ]);
});

test.run();
