#!/usr/bin/env node
// The `firehose-storage` bin (package.json "bin"): runs cli/main.ts through ts-node, transpile-only
// (types are checked by `npm run typecheck`), so there is no build step and no stale bin/ to ship.
// Needs the dev dependencies (`npm ci`): this is a repository tool, not a published package.
"use strict";
const path = require("path");

require("ts-node").register({ transpileOnly: true, project: path.join(__dirname, "..", "tsconfig.json") });
require("./main.ts")
    .main()
    .catch((e) => {
        console.error(e);
        process.exitCode = 3;
    });
