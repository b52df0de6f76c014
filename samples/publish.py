# Publishing a SendMessage from Python, without MassTransit: plain camelCase JSON to the send-message queue.
# pip install pika; then run it next to a worker (`dotnet run --project src/Gateway.Host`).
import json
import pika

command = {
    "messageId": "order-1001-shipped",
    "to": ["user-42"],
    "content": {"type": "text", "text": {"text": "Your order 1001 has shipped."}},
}

connection = pika.BlockingConnection(pika.ConnectionParameters("localhost"))
channel = connection.channel()
channel.basic_publish(
    exchange="",
    routing_key="send-message",
    body=json.dumps(command),
    properties=pika.BasicProperties(content_type="application/json", delivery_mode=2),
)
connection.close()
