/** The shipped stacks' runs, shared with every other test folder (tests/helpers/shipped.ts). */
export { shippedRun as stackRun } from "../helpers/shipped";
