/**
 * `WriterAccess` and `ReaderAccess` for every Pulumi language: the library's components
 * (components/access/) behind args Pulumi's schema inference reads. Same type tokens, children and
 * names, so the same URNs as in TypeScript. They stand in for `SecureBucket.grantWrite` /
 * `grantRead`, which are methods (a schema carries no methods): the bucket's outputs `bucketArn`,
 * `kmsKeyArn`, `sseAlgorithm` and `requireEncryptionHeader` go into their inputs.
 */
import * as pulumi from "@pulumi/pulumi";
import { throwOnProblems } from "../components/argsError";
import { READER_ACCESS_TYPE, readerAccessResources, readerArgsProblems } from "../components/access/readerAccess";
import { WRITER_ACCESS_TYPE, WRITER_MODES, writerAccessResources, writerArgsProblems } from "../components/access/writerAccess";
import { KEY_LAYOUTS } from "../components/storage/layout";
import { withOldTypes } from "../components/typeTokens";
import { ENCRYPTION_MODES, sseAlgorithmOf } from "../rules/encryption";
import { ReaderAccessArgs, toLibraryReaderArgs, toLibraryWriterArgs, WriterAccessArgs } from "./accessArgs";
import { choiceProblems } from "./choices";

/** The identity the lead-streaming service writes with (a role it assumes, or an IAM user), with its least-privilege policy. */
export class WriterAccess extends pulumi.ComponentResource {
    /** ARN of the role or user the writer acts as: `arn:aws:iam::<account>:role/<name>` or `:user/<name>`. */
    public readonly principalArn: pulumi.Output<string>;
    /** User mode: the access key id. */
    public readonly accessKeyId?: pulumi.Output<string>;
    /** User mode: the secret access key, always a Pulumi secret. */
    public readonly secretAccessKey?: pulumi.Output<string>;

    constructor(name: string, args: WriterAccessArgs, opts?: pulumi.ComponentResourceOptions) {
        super(WRITER_ACCESS_TYPE, name, {}, withOldTypes("WriterAccess", opts));
        const library = toLibraryWriterArgs(args);
        throwOnProblems(
            "WriterAccess",
            [
                ...choiceProblems("mode", args.mode, WRITER_MODES),
                ...choiceProblems("keyLayout", args.keyLayout, KEY_LAYOUTS),
                ...choiceProblems("sseAlgorithm", args.sseAlgorithm, ENCRYPTION_MODES.map(sseAlgorithmOf)),
                ...writerArgsProblems(library.mode ?? "role", library),
            ],
            this,
        );
        const parts = writerAccessResources(this, name, library);
        this.principalArn = parts.principalArn;
        this.accessKeyId = parts.accessKeyId;
        this.secretAccessKey = parts.secretAccessKey;
        this.registerOutputs({ principalArn: this.principalArn, accessKeyId: this.accessKeyId, secretAccessKey: this.secretAccessKey });
    }
}

/** A cross-account read role for one partner: its account assumes it with an external id and reads the given prefixes only. */
export class ReaderAccess extends pulumi.ComponentResource {
    /** `arn:aws:iam::<account>:role/<name>`: what the partner passes to `sts:AssumeRole`. */
    public readonly roleArn: pulumi.Output<string>;

    constructor(name: string, args: ReaderAccessArgs, opts?: pulumi.ComponentResourceOptions) {
        super(READER_ACCESS_TYPE, name, {}, withOldTypes("ReaderAccess", opts));
        const library = toLibraryReaderArgs(args);
        throwOnProblems("ReaderAccess", readerArgsProblems(library), this);
        this.roleArn = readerAccessResources(this, name, library).roleArn;
        this.registerOutputs({ roleArn: this.roleArn });
    }
}
