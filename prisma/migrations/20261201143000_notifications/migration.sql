-- What a reader wants to hear about, and where. One row per reader who changed anything; a reader
-- without a row gets the defaults (nothing is sent until they opt in).
CREATE TABLE "notification_settings" (
    "user_id" UUID NOT NULL,
    "email" TEXT,
    "email_verified" BOOLEAN NOT NULL DEFAULT false,
    "locale" TEXT NOT NULL DEFAULT 'ko',
    "on_reply" BOOLEAN NOT NULL DEFAULT false,
    "on_decision" BOOLEAN NOT NULL DEFAULT false,
    "on_standing" BOOLEAN NOT NULL DEFAULT false,
    "delivery" TEXT NOT NULL DEFAULT 'immediate',
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "notification_settings_pkey" PRIMARY KEY ("user_id"),
    CONSTRAINT "notification_settings_locale_check" CHECK ("locale" IN ('ko', 'en')),
    CONSTRAINT "notification_settings_delivery_check" CHECK ("delivery" IN ('immediate', 'hourly', 'daily'))
);
ALTER TABLE "notification_settings" ADD CONSTRAINT "notification_settings_user_id_fkey"
  FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- The transactional outbox: a row is written by the very transaction of the event it tells about,
-- and delivered afterwards by a worker on any instance (claimed with FOR UPDATE SKIP LOCKED).
CREATE TABLE "outbox" (
    "id" UUID NOT NULL,
    "channel" TEXT NOT NULL,
    "recipient_id" UUID,
    "endpoint_id" UUID,
    "payload" JSONB NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "available_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "locked_until" TIMESTAMPTZ(3),
    "finished_at" TIMESTAMPTZ(3),
    "last_error" TEXT,

    CONSTRAINT "outbox_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "outbox_channel_check" CHECK ("channel" IN ('mail', 'webhook')),
    CONSTRAINT "outbox_status_check" CHECK ("status" IN ('pending', 'delivered', 'skipped', 'dead'))
);
CREATE INDEX "outbox_due_idx" ON "outbox" ("available_at") WHERE "status" = 'pending';
CREATE INDEX "outbox_recipient_idx" ON "outbox" ("recipient_id") WHERE "recipient_id" IS NOT NULL;
CREATE INDEX "outbox_endpoint_idx" ON "outbox" ("endpoint_id", "created_at") WHERE "endpoint_id" IS NOT NULL;

-- Wakes the workers of every instance, once per statement that queued anything (and only once it commits).
CREATE FUNCTION "announce_outbox"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM queued) THEN
    PERFORM pg_notify('outbox_ready', '');
  END IF;
  RETURN NULL;
END
$$;
CREATE TRIGGER "outbox_announce_insert" AFTER INSERT ON "outbox"
  REFERENCING NEW TABLE AS queued FOR EACH STATEMENT EXECUTE FUNCTION "announce_outbox"();

-- A publisher's webhook endpoint, registered by an admin: the events it takes and the secret its
-- deliveries are signed with (Standard Webhooks).
CREATE TABLE "webhook_endpoints" (
    "id" UUID NOT NULL,
    "url" TEXT NOT NULL,
    "secret" TEXT NOT NULL,
    "events" TEXT[],
    "created_by_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "webhook_endpoints_pkey" PRIMARY KEY ("id")
);
