#!/bin/sh
# Registers Duban's namespace once the Temporal frontend answers (the server image
# does not create one by itself).
set -eu
NS=${TEMPORAL_NAMESPACE:-default}
for attempt in $(seq 1 30); do
  if temporal operator cluster health --address "$TEMPORAL_ADDRESS" >/dev/null 2>&1; then break; fi
  echo "waiting for Temporal at $TEMPORAL_ADDRESS ($attempt/30)"; sleep 5
done
temporal operator namespace describe -n "$NS" --address "$TEMPORAL_ADDRESS" >/dev/null 2>&1 \
  || temporal operator namespace create -n "$NS" --retention 30d --address "$TEMPORAL_ADDRESS"
echo "namespace $NS is ready"
