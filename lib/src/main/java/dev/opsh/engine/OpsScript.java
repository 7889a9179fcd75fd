package dev.opsh.engine;

import dev.opsh.dsl.BackupVerbs;
import dev.opsh.dsl.ChaosVerbs;
import dev.opsh.dsl.CoreVerbs;
import dev.opsh.dsl.HaproxyVerbs;
import dev.opsh.dsl.HealthVerbs;
import dev.opsh.dsl.OpsContext;
import dev.opsh.dsl.PostgresVerbs;
import dev.opsh.dsl.PostgresWriteVerbs;
import dev.opsh.dsl.QueueWriteVerbs;
import dev.opsh.dsl.RabbitMqVerbs;
import dev.opsh.dsl.RedisVerbs;
import dev.opsh.dsl.RedisWriteVerbs;
import dev.opsh.dsl.SshVerbs;
import dev.opsh.dsl.WatchVerbs;
import groovy.lang.Script;

/**
 * The base class of every line and script evaluated by opsh. The DSL verbs come from the verb
 * group interfaces it implements; it only supplies their session context.
 */
public abstract class OpsScript extends Script implements CoreVerbs, WatchVerbs, PostgresVerbs, BackupVerbs, RedisVerbs,
        SshVerbs, RabbitMqVerbs, HaproxyVerbs, HealthVerbs, ChaosVerbs, PostgresWriteVerbs, RedisWriteVerbs, QueueWriteVerbs {
    private OpsContext context;

    void bind(OpsContext context) {
        this.context = context;
    }

    @Override
    public OpsContext context() {
        return context;
    }
}
