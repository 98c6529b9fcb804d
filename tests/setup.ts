/** Loaded before every test file: an unhandled rejection fails the run instead of printing a warning. */
process.on("unhandledRejection", (reason) => {
    throw reason instanceof Error ? reason : new Error(`unhandled rejection: ${String(reason)}`);
});
