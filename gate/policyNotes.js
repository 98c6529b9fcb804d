// Preloaded into the policy pack process after gate/childGuard.js (`node --require`, see
// gate/packProcess.ts). Plain JavaScript: it loads before ts-node.
//
// Names a hanging policy. With GATE_POLICY_NOTES_FD set, every policy's validate/remediate function
// marks itself in flight in a shared array that gate/childGuard.js's watch thread reads: when nothing
// has started or ended for a while, the watch writes "running <name>\t..." to that descriptor, so the
// gate can say which policy did not finish in time. Marking costs two atomic writes per call, where a
// line per start and end cost a system call each (two per policy and resource). Without a watch
// (stdin not the gate's pipe) every call writes "start <name>" and "end <name>" lines itself.
//
// state[0]: a counter bumped at every start and end; state[1 + i]: calls of policy i in flight.
"use strict";
const fs = require("fs");
const { isMainThread } = require("worker_threads");
const { watch } = require("./childGuard.js");

const notesFd = Number(process.env.GATE_POLICY_NOTES_FD);
if (isMainThread && Number.isInteger(notesFd) && notesFd > 2) {
    const write = (line) => {
        try {
            fs.writeSync(notesFd, line);
        } catch {
            // the gate stopped listening: nothing to tell
        }
    };
    /** Marks calls of policy `i` (named `name`) starting (+1) and ending (-1). */
    let mark = (delta, _i, name) => write(`${delta > 0 ? "start" : "end"} ${name}\n`);
    const names = [];
    const share = () => {
        if (watch === undefined || names.length === 0) {
            return;
        }
        const state = new Int32Array(new SharedArrayBuffer(4 * (names.length + 1)));
        watch.postMessage({ notes: { fd: notesFd, state: state.buffer, names } });
        mark = (delta, i) => {
            Atomics.add(state, i + 1, delta);
            Atomics.add(state, 0, 1);
        };
    };
    const watched = (fn, i, name) => {
        if (typeof fn !== "function") {
            return fn;
        }
        const wrapped = function (...args) {
            mark(1, i, name);
            let result;
            try {
                result = fn.apply(this, args);
            } catch (e) {
                mark(-1, i, name);
                throw e;
            }
            if (result !== null && typeof result === "object" && typeof result.then === "function") {
                return Promise.resolve(result).finally(() => mark(-1, i, name));
            }
            mark(-1, i, name);
            return result;
        };
        return Object.assign(wrapped, fn); // keeps __pulumiType, which the SDK reads
    };
    const KEYS = ["validateResource", "validateStack", "remediateResource"];
    const hook = (server) => {
        const serve = server.serve;
        server.serve = (name, version, level, args, ...rest) => {
            for (const p of (args && args.policies) || []) {
                const i = names.push(p.name) - 1;
                for (const key of KEYS) {
                    if (Array.isArray(p[key])) {
                        p[key] = p[key].map((fn) => watched(fn, i, p.name));
                    } else if (p[key] !== undefined) {
                        p[key] = watched(p[key], i, p.name);
                    }
                }
            }
            share();
            return serve(name, version, level, args, ...rest);
        };
    };
    // Patch @pulumi/policy's server module when the pack loads it (policy.js requires "./server"):
    // loading it here ourselves, before the pack runtime is set up, blocks.
    const Module = require("module");
    const load = Module._load;
    Module._load = function (request, parent, ...rest) {
        const exported = load.call(this, request, parent, ...rest);
        const from = parent && typeof parent.filename === "string" ? parent.filename.split("\\").join("/") : "";
        if (request === "./server" && from.endsWith("/@pulumi/policy/policy.js") && typeof exported.serve === "function") {
            Module._load = load;
            hook(exported);
        }
        return exported;
    };
}
