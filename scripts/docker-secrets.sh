#!/bin/sh
# Creates the secret files docker-compose.yml mounts, without overwriting any: random
# postgres_password, admin_token and encryption_key, empty Stripe and HubSpot files to fill in. The folder is 0700,
# so other users of this machine cannot read them; the files are 0644 because compose bind-mounts
# them as they are, and the containers' users (node, postgres) are not their owner.
set -eu
cd "$(dirname "$0")/.."
mkdir -p secrets
chmod 700 secrets
random() { od -An -tx1 -N24 /dev/urandom | tr -d ' \n'; }
make() {
  [ -e "secrets/$1" ] && return 0
  (umask 022 && printf '%s' "$2" > "secrets/$1")
  echo "created secrets/$1${3:+ ($3)}"
}
make postgres_password "$(random)"
make admin_token "$(random)" "the admin API's and the dashboard's token"
make encryption_key "$(head -c 32 /dev/urandom | base64)" "seals stored tokens and keys: keep a copy, data sealed with it is unreadable without it"
make stripe_api_key "" "fill in: sk_live_… or sk_test_…"
make stripe_webhook_secret "" "fill in: whsec_… of your webhook endpoint"
make hubspot_access_token "" "optional: a private app token"
