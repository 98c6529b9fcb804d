/**
 * Detective and corrective controls composed around the data bucket (issue 14): the data-arrival
 * log. `program.ts` hands `buildDetective` to `buildMonitoring`, which calls it once the alert topic
 * exists; rules that publish to that topic are named by `detectiveEventRuleNames` beforehand (the
 * topic policy admits them by ARN).
 */
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { AlertTopic } from "../components/monitoring/alerts";
import { ArrivalLog } from "../components/monitoring/arrivalLog";
import { ObjectNotifications } from "../components/monitoring/objectNotifications";
import { SecureBucket } from "../components/storage/secureBucket";
import { Settings } from "../config";

/** Stack outputs of this feature. */
export interface DetectiveOutputs {
    /** Name of the log group recording new `.json` objects, when data-arrival events are on. */
    readonly arrivalLogGroupName: pulumi.Output<string> | undefined;
}

/** Exact names (ARNs computed before the resources exist), unique per stack. */
export function detectiveNames(s: Pick<Settings, "project" | "stack">): { arrivalPolicy: string } {
    const base = `${s.project}-${s.stack}`;
    return { arrivalPolicy: `${base}-arrival-events` };
}

/** Names of the EventBridge rules of this feature that publish to the alert topic. */
export function detectiveEventRuleNames(s: Settings): string[] {
    void s;
    return [];
}

export function buildDetective(
    s: Settings,
    data: SecureBucket,
    alerts: AlertTopic,
    opts: { readonly provider: aws.Provider; readonly protect: boolean },
): DetectiveOutputs {
    void alerts;
    const provider = { provider: opts.provider };
    const names = detectiveNames(s);
    const n = s.monitoring.notifications;
    const arrival = s.detective.dataArrival;
    const log = arrival.enabled
        ? new ArrivalLog(
              "firehose-arrivals",
              {
                  logGroupName: arrival.logGroupName,
                  retentionDays: arrival.retentionDays,
                  region: s.region,
                  policyName: names.arrivalPolicy,
                  retainOnDelete: s.protect,
              },
              provider,
          )
        : undefined;
    if (n.eventBridge) {
        new ObjectNotifications(
            "firehose-object-events",
            {
                bucketName: data.bucketName,
                objectCreatedTargetArn: n.objectCreatedTargetArn,
                logGroupArn: log?.logGroupArn,
                logGroupPolicy: log?.resourcePolicy,
            },
            provider,
        );
    }
    return { arrivalLogGroupName: log?.logGroupName };
}
