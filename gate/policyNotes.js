// Preloaded into the policy pack process after gate/childGuard.js (`node --require`, see
// gate/packProcess.ts). Plain JavaScript: it loads before ts-node.
//
// Names a hanging policy. With GATE_POLICY_NOTES_FD set, every policy's validate/remediate function
// writes "start <name>" and "end <name>" lines to that descriptor, so the gate can say which policy
// did not finish in time.
"use strict";
const fs = require("fs");
const { isMainThread } = require("worker_threads");

const notesFd = Number(process.env.GATE_POLICY_NOTES_FD);
if (isMainThread && Number.isInteger(notesFd) && notesFd > 2) {
    const note = (what, name) => {
        try {
            fs.writeSync(notesFd, `${what} ${name}\n`);
        } catch {
            // the gate stopped listening: nothing to tell
        }
    };
    const watched = (fn, name) => {
        if (typeof fn !== "function") {
            return fn;
        }
        const wrapped = function (...args) {
            note("start", name);
            let result;
            try {
                result = fn.apply(this, args);
            } catch (e) {
                note("end", name);
                throw e;
            }
            if (result !== null && typeof result === "object" && typeof result.then === "function") {
                return Promise.resolve(result).finally(() => note("end", name));
            }
            note("end", name);
            return result;
        };
        return Object.assign(wrapped, fn); // keeps __pulumiType, which the SDK reads
    };
    const KEYS = ["validateResource", "validateStack", "remediateResource"];
    const hook = (server) => {
        const serve = server.serve;
        server.serve = (name, version, level, args, ...rest) => {
            for (const p of (args && args.policies) || []) {
                for (const key of KEYS) {
                    if (Array.isArray(p[key])) {
                        p[key] = p[key].map((fn) => watched(fn, p.name));
                    } else if (p[key] !== undefined) {
                        p[key] = watched(p[key], p.name);
                    }
                }
            }
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
