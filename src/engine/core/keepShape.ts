/**
 * Instances kept for the life of the program, one per class whose objects the statistics' hot loops use
 * (`CompensatedSum`, `VectorView`, progressivity's group sums).
 *
 * Why: V8 gives an object built by its constructor a hidden class ("map") reached by transitions from the
 * constructor's initial map, and a garbage collection drops those transitions once no object of the class is
 * alive. Optimised code checks for the map it was compiled against, so after such a collection the code compiled
 * for the old map is deoptimised ("weak objects") and compiled again on the next call, which runs its loop
 * unoptimised meanwhile. Seen with `--print-opt-code`: `CompensatedSum.add` was compiled against a different map
 * on every EQUITYTABLE call that followed a full collection; with one instance kept, the same map every time.
 * (Other recompilations after a full collection remain: over five calls at a million rows, each after a
 * collection, 172 compilations and 21 weak-object deoptimisations instead of 186 and 31.)
 *
 * The kept object must have been used as the hot loops use it (a double stored in each number field), so that it
 * holds the map the class settles on.
 *
 * @example const SHAPE = keepShape(new CompensatedSum()); SHAPE.add(0.5);
 */
const kept: object[] = [];

export function keepShape<T extends object>(instance: T): T {
  kept.push(instance);
  return instance;
}
