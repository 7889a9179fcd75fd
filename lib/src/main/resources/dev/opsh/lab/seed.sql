-- The upload pipeline of the upload-stuck runbook, as the opsh lab seeds it into database veza.
-- Timestamps are relative to the lab's creation: the stuck rows stay stuck; the fresh ones age.
-- Re-running this is harmless: tables are created if missing and rows have fixed ids.

CREATE TABLE IF NOT EXISTS uploads (
    id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    user_id       uuid NOT NULL,
    filename      text NOT NULL,
    status        text NOT NULL CHECK (status IN ('pending', 'uploading', 'processing', 'completed', 'failed')),
    progress      integer NOT NULL DEFAULT 0 CHECK (progress BETWEEN 0 AND 100),
    created_at    timestamptz NOT NULL DEFAULT now(),
    updated_at    timestamptz NOT NULL DEFAULT now(),
    error_message text
);
CREATE INDEX IF NOT EXISTS uploads_status_created_at ON uploads (status, created_at);

CREATE TABLE IF NOT EXISTS tracks (
    id         uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    upload_id  uuid NOT NULL REFERENCES uploads (id),
    created_at timestamptz NOT NULL DEFAULT now(),
    hls_status text
);

CREATE TABLE IF NOT EXISTS job_queue (
    id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    type         text NOT NULL,
    payload      jsonb NOT NULL DEFAULT '{}',
    status       text NOT NULL CHECK (status IN ('pending', 'processing', 'completed', 'failed')),
    attempts     integer NOT NULL DEFAULT 0,
    created_at   timestamptz NOT NULL DEFAULT now(),
    started_at   timestamptz,
    completed_at timestamptz
);
CREATE INDEX IF NOT EXISTS job_queue_type_status ON job_queue (type, status, created_at);

INSERT INTO uploads (id, user_id, filename, status, progress, created_at, updated_at, error_message) VALUES
    -- completed: processed and transcoded
    ('a0000000-0000-4000-8000-000000000001', 'c0000000-0000-4000-8000-0000000000a1', 'night_drive_master.wav',    'completed', 100, now() - interval '2 days 3 hours',  now() - interval '2 days 2 hours 55 minutes', NULL),
    ('a0000000-0000-4000-8000-000000000002', 'c0000000-0000-4000-8000-0000000000a2', 'lofi_sketch_04.flac',       'completed', 100, now() - interval '1 day 6 hours',   now() - interval '1 day 5 hours 57 minutes', NULL),
    ('a0000000-0000-4000-8000-000000000003', 'c0000000-0000-4000-8000-0000000000a3', 'field_recording_rain.mp3',  'completed', 100, now() - interval '20 hours',        now() - interval '19 hours 58 minutes', NULL),
    ('a0000000-0000-4000-8000-000000000004', 'c0000000-0000-4000-8000-0000000000a1', 'b_side_demo.wav',           'completed', 100, now() - interval '9 hours',         now() - interval '8 hours 56 minutes', NULL),
    ('a0000000-0000-4000-8000-000000000005', 'c0000000-0000-4000-8000-0000000000a4', 'podcast_ep12_final.mp3',    'completed', 100, now() - interval '5 hours',         now() - interval '4 hours 58 minutes', NULL),
    -- completed, but its HLS transcode never happened (tracks.hls_status is NULL)
    ('a0000000-0000-4000-8000-000000000006', 'c0000000-0000-4000-8000-0000000000a2', 'live_at_the_dock.flac',     'completed', 100, now() - interval '3 hours',         now() - interval '2 hours 57 minutes', NULL),
    -- stuck in uploading for more than 10 minutes
    ('a0000000-0000-4000-8000-000000000011', 'c0000000-0000-4000-8000-0000000000a3', 'summer_anthem_v3.wav',      'uploading', 100, now() - interval '2 hours 14 minutes', now() - interval '2 hours 13 minutes', NULL),
    ('a0000000-0000-4000-8000-000000000012', 'c0000000-0000-4000-8000-0000000000a5', 'interview_raw.wav',         'uploading', 100, now() - interval '47 minutes',      now() - interval '46 minutes', NULL),
    ('a0000000-0000-4000-8000-000000000013', 'c0000000-0000-4000-8000-0000000000a1', 'drum_loops_pack.zip',       'uploading',  64, now() - interval '26 minutes',      now() - interval '25 minutes', NULL),
    -- stuck in processing
    ('a0000000-0000-4000-8000-000000000021', 'c0000000-0000-4000-8000-0000000000a4', 'choir_rehearsal.flac',      'processing', 100, now() - interval '3 hours 5 minutes', now() - interval '2 hours 50 minutes', NULL),
    -- fresh uploads, still in flight (younger than 10 minutes when the lab was created)
    ('a0000000-0000-4000-8000-000000000031', 'c0000000-0000-4000-8000-0000000000a5', 'voice_memo_0412.m4a',       'uploading',  38, now() - interval '3 minutes',       now() - interval '10 seconds', NULL),
    ('a0000000-0000-4000-8000-000000000032', 'c0000000-0000-4000-8000-0000000000a2', 'synth_pad_take2.wav',       'uploading',  81, now() - interval '1 minute',        now() - interval '5 seconds', NULL),
    -- failed
    ('a0000000-0000-4000-8000-000000000041', 'c0000000-0000-4000-8000-0000000000a3', 'corrupted_export.wav',      'failed',     100, now() - interval '6 hours',         now() - interval '5 hours 40 minutes',
        'ffprobe: Invalid data found when processing input')
ON CONFLICT (id) DO NOTHING;

INSERT INTO tracks (id, upload_id, created_at, hls_status) VALUES
    ('b0000000-0000-4000-8000-000000000001', 'a0000000-0000-4000-8000-000000000001', now() - interval '2 days 2 hours 55 minutes', 'ready'),
    ('b0000000-0000-4000-8000-000000000002', 'a0000000-0000-4000-8000-000000000002', now() - interval '1 day 5 hours 57 minutes',  'ready'),
    ('b0000000-0000-4000-8000-000000000003', 'a0000000-0000-4000-8000-000000000003', now() - interval '19 hours 58 minutes',       'ready'),
    ('b0000000-0000-4000-8000-000000000004', 'a0000000-0000-4000-8000-000000000004', now() - interval '8 hours 56 minutes',        'ready'),
    ('b0000000-0000-4000-8000-000000000005', 'a0000000-0000-4000-8000-000000000005', now() - interval '4 hours 58 minutes',        'ready'),
    ('b0000000-0000-4000-8000-000000000006', 'a0000000-0000-4000-8000-000000000006', now() - interval '2 hours 57 minutes',        NULL)
ON CONFLICT (id) DO NOTHING;

INSERT INTO job_queue (id, type, payload, status, attempts, created_at, started_at, completed_at) VALUES
    ('d0000000-0000-4000-8000-000000000001', 'process_upload', '{"upload_id": "a0000000-0000-4000-8000-000000000001"}', 'completed', 1,
        now() - interval '2 days 3 hours', now() - interval '2 days 2 hours 59 minutes', now() - interval '2 days 2 hours 55 minutes'),
    ('d0000000-0000-4000-8000-000000000002', 'process_upload', '{"upload_id": "a0000000-0000-4000-8000-000000000002"}', 'completed', 1,
        now() - interval '1 day 6 hours', now() - interval '1 day 5 hours 59 minutes', now() - interval '1 day 5 hours 57 minutes'),
    ('d0000000-0000-4000-8000-000000000003', 'process_upload', '{"upload_id": "a0000000-0000-4000-8000-000000000003"}', 'completed', 1,
        now() - interval '20 hours', now() - interval '19 hours 59 minutes', now() - interval '19 hours 58 minutes'),
    ('d0000000-0000-4000-8000-000000000004', 'process_upload', '{"upload_id": "a0000000-0000-4000-8000-000000000004"}', 'completed', 2,
        now() - interval '9 hours', now() - interval '8 hours 58 minutes', now() - interval '8 hours 56 minutes'),
    ('d0000000-0000-4000-8000-000000000005', 'process_upload', '{"upload_id": "a0000000-0000-4000-8000-000000000005"}', 'completed', 1,
        now() - interval '5 hours', now() - interval '4 hours 59 minutes', now() - interval '4 hours 58 minutes'),
    ('d0000000-0000-4000-8000-000000000006', 'process_upload', '{"upload_id": "a0000000-0000-4000-8000-000000000006"}', 'completed', 1,
        now() - interval '3 hours', now() - interval '2 hours 59 minutes', now() - interval '2 hours 57 minutes'),
    -- pending jobs nobody picked up, for two of the three uploads stuck in uploading
    ('d0000000-0000-4000-8000-000000000011', 'process_upload', '{"upload_id": "a0000000-0000-4000-8000-000000000011"}', 'pending', 0,
        now() - interval '2 hours 13 minutes', NULL, NULL),
    ('d0000000-0000-4000-8000-000000000012', 'process_upload', '{"upload_id": "a0000000-0000-4000-8000-000000000012"}', 'pending', 0,
        now() - interval '46 minutes', NULL, NULL),
    -- the job of the upload stuck in processing: started, never finished
    ('d0000000-0000-4000-8000-000000000021', 'process_upload', '{"upload_id": "a0000000-0000-4000-8000-000000000021"}', 'processing', 3,
        now() - interval '3 hours 4 minutes', now() - interval '2 hours 50 minutes', NULL),
    ('d0000000-0000-4000-8000-000000000041', 'process_upload', '{"upload_id": "a0000000-0000-4000-8000-000000000041"}', 'failed', 5,
        now() - interval '6 hours', now() - interval '5 hours 41 minutes', now() - interval '5 hours 40 minutes')
ON CONFLICT (id) DO NOTHING;
