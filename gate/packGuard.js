// Preloaded into the policy pack process (`node --require`, see gate/packProcess.ts): the gate keeps
// the pack's stdin open, so when the gate dies in any way (even SIGKILL) stdin closes and the pack
// exits instead of serving forever as an orphan. Plain JavaScript: it loads before ts-node.
"use strict";
process.stdin.on("end", () => process.exit(0));
process.stdin.on("error", () => process.exit(0));
process.stdin.resume();
// Watching stdin must not keep the pack alive on its own: a pack that fails to start must still exit.
if (typeof process.stdin.unref === "function") {
    process.stdin.unref();
}
