// Runbook as code: RabbitMQ unavailable (the RabbitMQ-down runbook).
// First moves, then the instance-down versus network-down branch, then a recovery watch of the
// queues draining. Read-only: restarting RabbitMQ is start('rabbitmq'), which goes through the guard.
//
//   opsh run scripts/rabbitmq-down.groovy [WATCH_TICKS] [WATCH_SECONDS]
//
// The runbook expects the queues to drain over 5 to 15 minutes: for a real recovery watch, pass
// for example 60 ticks of 15 seconds. The default is a short look: 3 ticks of 2 seconds.

def ticks = args.length > 0 ? args[0] as int : 3
def every = (args.length > 1 ? args[1] as int : 2).seconds
def rabbit = inventory.services.values().find { it.type == 'rabbitmq' }
assert rabbit : "inventory '${inventory.name}' has no rabbitmq service"
def host = inventory.hostsOf(rabbit)[0]

println "== 1. Is RabbitMQ down, or only unreachable from here?"
def probe = health().find { it.service == rabbit.name }
println "   from here: ${probe.status} in ${probe.latency.toMillis()} ms${probe.error ? ' - ' + probe.error : ''}"
def sockets = ssh(host.name, 'ss -ltn')[0]
def listening = sockets.exit == 0 && sockets.stdout.readLines().any { it.contains(":${rabbit.port} ") }
println "   on ${host.name}: AMQP port ${rabbit.port} ${listening ? 'is listening' : 'is NOT listening'}"

println "== 2. Did the queues fill the disk? (the most common bring-down)"
def disk = ssh(host.name, 'df -P /var/lib/rabbitmq')[0]
if (disk.exit != 0) {
    disk = ssh(host.name, 'df -P /')[0]
}
def used = disk.stdout.readLines().last().split(/\s+/)
println "   ${used[5]}: ${used[4]} used"

def branch
if (probe.up()) {
    branch = 'up'
    println "== RabbitMQ answers: this is not an outage from here. If a client cannot reach it, check that client's network and credentials."
} else if (!listening) {
    branch = 'instance down'
    println "== Branch: the RabbitMQ instance is down on ${host.name}"
    def status = ssh(host.name, "systemctl status ${rabbit.unit ?: 'rabbitmq-server'}")[0]
    println "   systemctl status: exit ${status.exit}${status.stderr ? ' - ' + status.stderr.readLines().first() : ''}"
    def logs = ssh(host.name, "journalctl -u ${rabbit.unit ?: 'rabbitmq-server'} -n 500 --no-pager")[0]
    def errors = logs.stdout.readLines().findAll { it =~ /ERROR|CRASH|disk_alarm|memory_alarm/ }
    errors.takeRight(10).each { println "   log: ${it}" }
    println "   Common causes: disk alarm, memory alarm, crashed process. Queues are durable and survive a restart."
    println "   Restart it with: start('${rabbit.name}')   (guarded; on prod it asks for confirmation)"
} else {
    branch = 'network'
    println "== Branch: RabbitMQ listens on ${host.name} but does not answer from here: network, DNS or credentials"
    def dns = ssh(host.name, "getent hosts ${host.address}")[0]
    println "   getent hosts ${host.address}: ${dns.stdout.trim() ?: 'no answer'}"
    println "   Check a recent bridge restart, a password rotation that did not reach the clients, a security-group change."
}

println "== 3. Recovery: the queues should drain (${ticks} ticks of ${every.seconds} s)"
def frame = probe.up() ? watch(every, ticks) { queues() } : null
def drain = frame == null ? [] : frame.trends.collect { key, trend ->
    def depth = trend.ready
    [queue: key, ready: depth.last() as long, change: depth.values.size() > 1 ? (depth.last() - depth.values.first()) as long : 0,
     toDrain: depth.timeToZero()]
}
drain.findAll { it.ready > 0 && it.change >= 0 }.each {
    println "   ${it.queue} is not draining: if it is still stuck 30 min after recovery, restart its worker"
}
drain ?: [branch: branch, listening: listening, health: probe.status]
