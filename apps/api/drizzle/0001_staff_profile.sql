CREATE TABLE "staff_profile" (
	"sub" text PRIMARY KEY NOT NULL,
	"phone" text,
	"title" text,
	"photo_url" text,
	"is_supervisor" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
