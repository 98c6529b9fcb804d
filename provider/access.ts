/**
 * `WriterAccess` and `ReaderAccess` for every Pulumi language: the library's components
 * (components/access/) behind args Pulumi's schema inference reads. Same type tokens, children and
 * names, so the same URNs as in TypeScript. They stand in for `SecureBucket.grantWrite` /
 * `grantRead`, which are methods (a schema carries no methods): the bucket's outputs `bucketArn`,
 * `kmsKeyArn`, `sseAlgorithm` and `requireEncryptionHeader` go into their inputs.
 */
import * as pulumi from "@pulumi/pulumi";
import { buildReaderAccess, READER_ACCESS_TYPE } from "../components/access/readerAccess";
import { buildWriterAccess, WRITER_ACCESS_TYPE } from "../components/access/writerAccess";
import { published } from "../components/published";
import { withOldTypes } from "../components/typeTokens";
import { ReaderAccessArgs, toLibraryWriterArgs, WriterAccessArgs, writerShapeProblems } from "./accessArgs";

/** The identity the lead-streaming service writes with (a role it assumes, or an IAM user), with its least-privilege policy. */
export class WriterAccess extends pulumi.ComponentResource {
    /** ARN of the role or user the writer acts as: `arn:<partition>:iam::<account>:role/<name>` or `:user/<name>`. */
    declare public readonly principalArn: pulumi.Output<string>;
    /** User mode: the access key id. */
    declare public readonly accessKeyId?: pulumi.Output<string>;
    /** User mode: the secret access key, always a Pulumi secret. */
    declare public readonly secretAccessKey?: pulumi.Output<string>;

    constructor(name: string, args: WriterAccessArgs, opts?: pulumi.ComponentResourceOptions) {
        super(WRITER_ACCESS_TYPE, name, {}, withOldTypes("WriterAccess", opts));
        const library = toLibraryWriterArgs(args);
        this.registerOutputs(published<WriterAccess>(this, buildWriterAccess(this, name, library, writerShapeProblems(args))));
    }
}

/** A cross-account read role for one partner: its account assumes it with an external id and reads the given prefixes only. */
export class ReaderAccess extends pulumi.ComponentResource {
    /** `arn:<partition>:iam::<account>:role/<name>`: what the partner passes to `sts:AssumeRole`. */
    declare public readonly roleArn: pulumi.Output<string>;

    constructor(name: string, args: ReaderAccessArgs, opts?: pulumi.ComponentResourceOptions) {
        super(READER_ACCESS_TYPE, name, {}, withOldTypes("ReaderAccess", opts));
        this.registerOutputs(published<ReaderAccess>(this, buildReaderAccess(this, name, args)));
    }
}
