"""Trigger and watch a Tributary sync from Apache Airflow with the Airbyte provider, unchanged.

Tributary serves Airbyte's public API at /api/public/v1, so the provider's operator and sensor
work against it as they do against Airbyte OSS.

Airflow connection "tributary" (Admin > Connections, type "Airbyte"):
  Server URL:     http://tributary-host:8001/api/public/v1
  Client ID:      the client id in tributary.auth.clients (leave empty when auth is off)
  Client Secret:  its secret                               (leave empty when auth is off)
  Token URL:      http://tributary-host:8001/api/public/v1/applications/token

Or from the command line:
  airflow connections add tributary --conn-type airbyte \
      --conn-host http://tributary-host:8001/api/public/v1 \
      --conn-login airflow --conn-password "$TRIBUTARY_CLIENT_SECRET" \
      --conn-schema http://tributary-host:8001/api/public/v1/applications/token

Set the Airflow variable tributary_connection_id to the connectionId that
POST /api/v1/connections/create (or /api/v1/connections/list) returned.
"""

from datetime import datetime, timedelta

from airflow import DAG
from airflow.models import Variable
from airflow.providers.airbyte.operators.airbyte import AirbyteTriggerSyncOperator
from airflow.providers.airbyte.sensors.airbyte import AirbyteJobSensor

CONNECTION_ID = Variable.get("tributary_connection_id")

DEFAULTS = {"retries": 1, "retry_delay": timedelta(minutes=5)}

# Blocking style: the operator triggers the sync and polls until it succeeds (or fails, or is cancelled).
with DAG(
    dag_id="tributary_sync",
    start_date=datetime(2024, 1, 1),
    schedule="0 2 * * *",
    catchup=False,
    default_args=DEFAULTS,
    tags=["tributary", "elt"],
):
    AirbyteTriggerSyncOperator(
        task_id="sync",
        airbyte_conn_id="tributary",
        connection_id=CONNECTION_ID,
        asynchronous=False,
        timeout=3600,  # on timeout the provider cancels the job: Tributary stops it at a chunk boundary
        wait_seconds=5,
    )

# Sensor style: trigger, get the job id at once, and let a sensor watch the job.
with DAG(
    dag_id="tributary_sync_with_sensor",
    start_date=datetime(2024, 1, 1),
    schedule=None,
    catchup=False,
    default_args=DEFAULTS,
    tags=["tributary", "elt"],
):
    trigger = AirbyteTriggerSyncOperator(
        task_id="trigger",
        airbyte_conn_id="tributary",
        connection_id=CONNECTION_ID,
        asynchronous=True,
    )
    wait = AirbyteJobSensor(
        task_id="wait",
        airbyte_conn_id="tributary",
        airbyte_job_id=trigger.output,
        poke_interval=10,
        timeout=3600,
    )
    trigger >> wait
