// Loaded first by the gate (cli/bin.js) and preloaded into the policy pack (`node --require`, see
// gate/packProcess.ts): start-up costs that a plan does not need to pay. Plain JavaScript: it loads
// before ts-node.
//  - Node 22.1+: `module.enableCompileCache()` keeps the compiled code of every module on disk
//    (NODE_COMPILE_CACHE, else <tmpdir>/node-compile-cache), so a second run skips most compiling;
//    NODE_DISABLE_COMPILE_CACHE=1 turns it off. Node 20 has no such cache: nothing happens.
//    Node writes the cache when a process exits, but the gate ends its pack with a signal, which
//    writes nothing: so in the pack the cache is flushed once it prints its port (everything it
//    needs is loaded by then). Without this, only the gate's own modules were ever cached.
//  - gate/lazyModules.js: what @pulumi/pulumi loads at start-up but a plan never uses loads on first
//    use instead.
"use strict";
const Module = require("module");

if (typeof Module.enableCompileCache === "function") {
    Module.enableCompileCache();
    const inPack = process.argv.slice(1).some((a) => /[\\/]run-policy-pack([\\/]|$)/.test(a));
    if (inPack && typeof Module.flushCompileCache === "function") {
        const write = process.stdout.write;
        process.stdout.write = function (...args) {
            process.stdout.write = write;
            setImmediate(() => Module.flushCompileCache());
            return write.apply(this, args);
        };
    }
}
require("./lazyModules.js");
