// The features the model reads (src/model/features.ts): ParZC's per-architecture min–max encoding,
// padded to the space's most nodes, NaN/Inf masked, and the magnitude features; pinned value for
// value on three NB201 architectures so models and stores written before keep their predictions.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { encodeNodes, encodeStats, minMaxScale, parzcEncoding } from "../../src/model/features.js";
import { getSpace } from "../../src/spaces/index.js";

const nb201 = getSpace("nb201");
const nb101 = getSpace("nb101");

test("the encoding pads to the space's most nodes: NB201 98, NB101 83", () => {
  assert.is(parzcEncoding(nb201).maxNodes, 98);
  assert.is(parzcEncoding(nb101).maxNodes, 83);
  assert.equal(parzcEncoding(nb101, true).proxies, ["grad_norm", "snip", "synflow"]);
});

test("min–max scaling is per vector; a constant vector gives NaN (no epsilon, as ParZC's NB201 data)", () => {
  assert.equal([...minMaxScale([2, 4, 3])], [0, 1, 0.5]);
  assert.ok(minMaxScale([5, 5]).every(Number.isNaN));
});

test("encoding: ParZC order, scaled, NaN → 0 (counted), zero-padded to 98", () => {
  const nodes = { grad_norm: [1, 3, 2], snip: [7, 7, 7], synflow: [0, 10, Infinity, 5], fisher: [9] };
  const { features, masked } = encodeNodes(nodes, parzcEncoding(nb201));
  assert.is(features.length, 3 * 98);
  assert.equal([...features.subarray(0, 4)], [0, 1, 0.5, 0]);
  assert.equal([...features.subarray(98, 101)], [0, 0, 0]);
  assert.equal([...features.subarray(196, 200)], [0, 1, 0, 0.5]);
  assert.is(masked, 3 + 1);
  assert.ok(features.subarray(200).every((v) => v === 0));
});

test("encoding refuses a record without a needed proxy, naming it, and a vector longer than the padding", () => {
  assert.throws(() => encodeNodes({ grad_norm: [1], snip: [1] }, parzcEncoding(nb201)), /"synflow"/);
  const long = Array.from({ length: 84 }, (_, i) => i);
  assert.throws(() => encodeNodes({ grad_norm: long, snip: long, synflow: long }, parzcEncoding(nb101)), /84 nodes but the encoding pads to 83/);
});

/** Three NB201 cells of 8, 23 and 8 nodes (the last degenerate), and node vectors with a NaN, an Inf and constant ones. */
const ARCHS = [
  "|skip_connect~0|+|none~0|avg_pool_3x3~1|+|skip_connect~0|none~1|skip_connect~2|",
  "|nor_conv_1x1~0|+|none~0|skip_connect~1|+|avg_pool_3x3~0|none~1|none~2|",
  "|none~0|+|none~0|none~1|+|none~0|none~1|none~2|",
];
const vector = (n: number, f: (i: number) => number) => Float64Array.from({ length: n }, (_, i) => f(i));
const NODES = {
  grad_norm: [vector(8, (i) => 0.1 + i * i * 0.37), vector(23, (i) => Math.sqrt(i + 1) * 3.1), vector(8, () => 0)],
  snip: [vector(8, (i) => (i === 2 ? NaN : 1e-3 * Math.cos(i))), vector(23, (i) => 2e-4 * (i % 5)), vector(8, () => 0)],
  synflow: [vector(8, () => 7), vector(23, (i) => (i === 4 ? Infinity : 1e6 * Math.exp(-i / 3))), vector(8, () => 0)],
};

/** The non-zero features [position, value] that parzc wrote before the features moved into one module. */
const PINNED: [number, number][][] = [
  [[1, 0.020408162847161293], [2, 0.08163265138864517], [3, 0.18367347121238708], [4, 0.3265306055545807], [5, 0.5102040767669678], [6, 0.7346938848495483], [7, 1], [98, 1], [99, 0.7689952850341797], [102, 0.1690201759338379], [103, 0.6400299072265625], [104, 0.9799849987030029], [105, 0.8763323426246643], [294, 3.9627161026000977], [295, -5.262627124786377], [296, 4.025351524353027], [297, 0.08163265138864517]],
  [[1, 0.10912327468395233], [2, 0.19285650551319122], [3, 0.2634468972682953], [4, 0.3256382644176483], [5, 0.3818635642528534], [6, 0.4335680603981018], [7, 0.48169344663619995], [8, 0.5268937945365906], [9, 0.569645345211029], [10, 0.6103075742721558], [11, 0.6491599082946777], [12, 0.6864243745803833], [13, 0.7222810983657837], [14, 0.7568784952163696], [15, 0.7903406620025635], [16, 0.8227724432945251], [17, 0.8542636036872864], [18, 0.8848914504051208], [19, 0.9147233963012695], [20, 0.9438183903694153], [21, 0.9722285270690918], [22, 1], [99, 0.25], [100, 0.5], [101, 0.75], [102, 1], [104, 0.25], [105, 0.5], [106, 0.75], [107, 1], [109, 0.25], [110, 0.5], [111, 0.75], [112, 1], [114, 0.25], [115, 0.5], [116, 0.75], [117, 1], [119, 0.25], [120, 0.5], [196, 1], [197, 0.7163459658622742], [198, 0.513098955154419], [199, 0.36746615171432495], [201, 0.188345268368721], [202, 0.13476994633674622], [203, 0.09638155251741409], [204, 0.06887505948543549], [205, 0.04916580021381378], [206, 0.03504350036382675], [207, 0.024924427270889282], [208, 0.0176737941801548], [209, 0.012478490360081196], [210, 0.00875589158385992], [211, 0.006088533438742161], [212, 0.004177287220954895], [213, 0.0028078199829906225], [214, 0.0018265536054968834], [215, 0.0011234455741941929], [216, 0.0006196466856636107], [217, 0.00025865898351185024], [294, 5.458640098571777], [295, -4.755992889404297], [296, 14.997997283935547], [297, 0.23469388484954834]],
  [[294, -69.07755279541016], [295, -69.07755279541016], [296, -69.07755279541016], [297, 0.08163265138864517]],
];

test("three NB201 architectures encode, with magnitudes, to the pinned features value for value; masking is counted by cause", () => {
  const encoded = encodeStats({ archs: ARCHS, nodes: NODES, flags: [[], [], ["degenerate"]] }, parzcEncoding(nb201, true));
  assert.equal(encoded.archs, ARCHS);
  encoded.features.forEach((features, a) => {
    assert.is(features.length, 298);
    const nonZero = Array.from(features).flatMap((value, i) => (value === 0 ? [] : [[i, value]]));
    assert.equal(nonZero, PINNED[a], `architecture ${a}`);
  });
  assert.is(encoded.masked, 34);
  assert.equal(encoded.maskedBy, {
    snip: { degenerate: [2], constant: [], nonFinite: [0], values: 9 },
    synflow: { degenerate: [2], constant: [0], nonFinite: [1], values: 17 },
    grad_norm: { degenerate: [2], constant: [], nonFinite: [], values: 8 },
  });
});

test.run();
