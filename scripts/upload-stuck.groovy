// Runbook as code: uploads stuck in "uploading" (the upload-stuck runbook).
// Read-only: it runs the runbook's checks (database, worker, queue, storage) and gives a verdict
// for each of its five hypotheses. It changes nothing; the fixes it suggests go through the guard.
//
//   opsh run scripts/upload-stuck.groovy [THRESHOLD_MINUTES] [WORKER_PATTERN] [UPLOADS_DIR]
//
// Defaults: 10 minutes, the runbook's worker pattern 'job.*worker|worker.*upload', /var/veza/uploads (or /
// when that directory does not exist on the host).

def threshold = (args.length > 0 ? args[0] as int : 10).minutes
def workerPattern = args.length > 1 ? args[1] : /job.*worker|worker.*upload/
def uploadsDir = args.length > 2 ? args[2] : '/var/veza/uploads'
def appTarget = inventory.groups.containsKey('app') ? 'app' : 'all'

def verdicts = []
def verdict = { String hypothesis, boolean likely, String evidence ->
    verdicts << [hypothesis: hypothesis, verdict: likely ? 'LIKELY' : 'unlikely', evidence: evidence]
}

println "== 1. Database: uploads stuck for more than ${threshold.toMinutes()} min"
def stuck = stuckUploads(threshold)
stuck.each { println "   ${it.id}  ${it.status.padRight(10)} ${it.filename}  for ${it.age.toMinutes()} min, pending job: ${it.pendingJobId ?: 'none'}" }
def jobs = sql("""select id, status, attempts, created_at from job_queue
                  where type = 'process_upload' and status in ('pending', 'processing') order by created_at""")
println "   ${stuck.size()} stuck upload(s); ${jobs.rows.size()} process_upload job(s) pending or processing"

println "== 2. Worker: a process matching '${workerPattern}' on '${appTarget}'"
def processes = ssh(appTarget, 'ps -eo pid,args')
def workers = processes.succeeded.collectMany { r -> r.stdout.readLines().findAll { it =~ workerPattern && !it.contains('ps -eo') && !(it =~ /^\s*\d+\s+\[/) }.collect { "${r.host}: ${it.trim()}" } }
workers.each { println "   ${it}" }
processes.failed.each { println "   ${it.host}: could not list processes: ${it.stderr.trim()}" }
verdict('1. job worker down', workers.isEmpty() && !jobs.rows.isEmpty(),
        workers ? "${workers.size()} worker process(es) running" : "no process matches '${workerPattern}' while ${jobs.rows.size()} job(s) wait")

println "== 3. Queue"
def blocked = queues().findAll { it.overThreshold || (it.ready > 0 && it.consumers == 0) }
blocked.each { println "   ${it.name}: ${it.ready} ready, ${it.consumers} consumer(s)${it.overThreshold ? ', over its threshold of ' + it.threshold : ''}" }
verdict('2. queue blocked', !blocked.isEmpty(),
        blocked ? blocked.collect { "${it.name} ${it.ready} ready/${it.consumers} consumers" }.join(', ') : 'every queue has consumers and is under its threshold')

println "== 4. Storage: ${uploadsDir}"
def usage = { String flags ->
    def r = ssh(appTarget, "df ${flags} ${uploadsDir}")
    if (r.failed) {
        r = ssh(appTarget, "df ${flags} /")
    }
    r.succeeded.collect { it.stdout.readLines().last().split(/\s+/)[4].replace('%', '') as int }.max() ?: 0
}
def space = usage('-P')
def inodes = usage('-Pi')
println "   disk ${space}% used, inodes ${inodes}% used"
verdict('3. storage problem', space >= 90 || inodes >= 90, "disk ${space}% used, inodes ${inodes}% used")

def withoutJob = stuck.findAll { !it.pendingJobId }
verdict('4. processing failed silently', !withoutJob.isEmpty(),
        withoutJob ? "${withoutJob.size()} stuck upload(s) have no pending job: nothing will ever pick them up" : 'every stuck upload has a pending job')
def processing = stuck.findAll { it.status == 'processing' }
verdict('5. processing timed out', !processing.isEmpty(),
        processing ? "${processing.size()} upload(s) stuck in 'processing' for up to ${processing*.age.max().toMinutes()} min" : "nothing stuck in 'processing'")

println '== Next steps'
if (withoutJob) println "   requeueStuck() inserts a process_upload job for each stuck upload without one (guarded, idempotent)"
if (blocked && workers.isEmpty()) println "   restart the worker; the queue drains once it consumes: watch { queues() }"
if (space >= 90 || inodes >= 90) println "   free space on ${uploadsDir} before anything else"
verdicts
