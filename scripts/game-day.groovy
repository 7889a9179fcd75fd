// Runbook as code: the game day. The five destructive scenarios of the game-day driver, in turn,
// each followed by restore and timing, then the gameDay() summary.
//
//   opsh run scripts/game-day.groovy -i staging
//   CONFIRM_PROD=1 opsh run scripts/game-day.groovy -i prod      (each hit asks for KILL-PROD)
//
// Every action passes the guard: on a protected inventory each one needs CONFIRM_PROD=1, a fresh
// backup and the typed phrase, and a refusal stops the script with exit code 3. A scenario whose
// service the inventory does not have is skipped and said so. If anything fails half-way,
// restoreAll() brings back what this run took down.

def scenarios = [
    [name: 'Postgres kill',   service: 'postgres', hit: { kill('postgres') }],
    [name: 'HAProxy stop',    service: 'haproxy',  hit: { stop('haproxy') }],
    [name: 'Redis kill',      service: 'redis',    hit: { kill('redis') }],
    [name: 'MinIO node loss', service: 'minio',    hit: { kill('minio', inventory.services.minio.hosts.last()) }],
    [name: 'RabbitMQ stop',   service: 'rabbitmq', hit: { stop('rabbitmq') }],
]

try {
    scenarios.each { scenario ->
        if (!inventory.services.containsKey(scenario.service)) {
            println "-- ${scenario.name}: skipped, inventory '${inventory.name}' has no ${scenario.service}"
            return
        }
        println "== ${scenario.name}"
        def hit = scenario.hit()
        println "   ${hit.action} ${hit.target}${hit.node ? ' on ' + hit.node : ''}: ${hit.observed} (steady state before: ${hit.before})"
        restore(scenario.service).each { back ->
            println "   ${back.action} ${back.target}: ${back.state}${back.timeToRecover ? ', recovered in ' + back.timeToRecover.toMillis() + ' ms' : ''}"
        }
    }
} finally {
    def left = restoreAll()
    if (left) {
        println "-- restoreAll() brought back: ${left*.target.join(', ')}"
    }
}
gameDay()
