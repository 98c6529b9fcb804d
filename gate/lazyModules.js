// Loaded first in the gate (cli/bin.js) and preloaded into the policy pack (`node --require`, see
// gate/packProcess.ts). `@pulumi/pulumi` loads at start-up, for every program, modules that only
// closure serialisation (npm's tree reader, TypeScript) and the Automation API (process and YAML
// helpers) use: about 900 of its 1,100 modules and two thirds of its load time. A plan never calls
// them. Required from inside @pulumi/pulumi, each of them is a stand-in that loads the real module
// on its first use, so nothing changes but when it loads. Plain JavaScript: it loads before ts-node.
"use strict";
const Module = require("module");
const path = require("path");

/** Requests, as @pulumi/pulumi writes them, deferred until first use. */
const DEFERRED = new Set([
    "@npmcli/arborist", // runtime/closure/codePaths: the npm dependency tree, for serialised functions
    "normalize-package-data", // the same
    "upath", // closure paths, Automation API
    "typescript", // typescript-shim: parsing serialised functions
    "./automation", // index: the Automation API (execa, js-yaml, tail-file, ...)
    "js-yaml", // runtime/manifest: reading Pulumi.yaml for a plugin manifest
    "@opentelemetry/api", // runtime/settings: tracing, off unless the engine asks for it
]);
const PULUMI = `${path.sep}node_modules${path.sep}@pulumi${path.sep}pulumi${path.sep}`;

/** Which deferred modules were really loaded (for tests and the curious). */
const loaded = [];

function stub(load) {
    // `__esModule` makes TypeScript's __importStar/__importDefault hand the stand-in over as it is, so
    // the first property read (not the require) loads the module; `default` of a CommonJS module is
    // the module itself, as __importDefault would have made it.
    return new Proxy(
        {},
        {
            get: (_t, key) => {
                if (key === "__esModule") {
                    return true;
                }
                const real = load();
                return key === "default" && !(real && real.__esModule) ? real : real[key];
            },
            has: (_t, key) => key in load(),
            ownKeys: () => Reflect.ownKeys(load()),
            getOwnPropertyDescriptor: (_t, key) => {
                const d = Reflect.getOwnPropertyDescriptor(load(), key);
                return d === undefined ? undefined : { ...d, configurable: true };
            },
        },
    );
}

const originalLoad = Module._load;
Module._load = function (request, parent, isMain) {
    if (DEFERRED.has(request) && parent && typeof parent.filename === "string" && parent.filename.includes(PULUMI)) {
        let real;
        const args = arguments;
        return stub(() => {
            if (real === undefined) {
                loaded.push(request);
                real = originalLoad.apply(this, args);
            }
            return real;
        });
    }
    return originalLoad.apply(this, arguments);
};

module.exports = { deferred: [...DEFERRED], loaded };
