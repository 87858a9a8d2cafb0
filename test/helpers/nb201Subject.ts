// An NB201 architecture as a proxy subject: the benchmark's network, or a smaller one of the same
// cell (the fixtures' C and N); FLOPs are always the benchmark network's closed form.
import type { ProxySubject } from "../../src/proxies/context.js";
import { nb201 } from "../../src/spaces/nb201/index.js";
import { Nb201Network, type Nb201NetworkConfig, nb201Network } from "../../src/spaces/nb201/network.js";

export function nb201Subject(arch: string, config?: Nb201NetworkConfig): ProxySubject {
  const parsed = nb201.parse(arch);
  return {
    describe: () => (config ? new Nb201Network(parsed.ops, config) : nb201Network(parsed, "cifar10")),
    suiteZeroFlops: () => nb201.flopsNbsz(parsed, "cifar10"),
  };
}
