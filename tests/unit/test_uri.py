import pytest

from drivers.uri import (
    CARD_READER_SCHEMES,
    PRINTER_SCHEMES,
    DeviceUriError,
    parse_device_uri,
)


@pytest.mark.parametrize(
    ("text", "scheme", "target", "options"),
    [
        ("sam:/dev/ttyUSB0?baud=115200", "sam", "/dev/ttyUSB0", {"baud": "115200"}),
        ("pcsc:", "pcsc", "", {}),
        ("pcsc:Virtual PCD 00 00", "pcsc", "Virtual PCD 00 00", {}),
        ("sim:sam", "sim", "sam", {}),
        ("usb:0x0416:0x5011", "usb", "0x0416:0x5011", {}),
        ("serial:/dev/ttyS0?baud=9600", "serial", "/dev/ttyS0", {"baud": "9600"}),
        ("tcp://10.0.0.5:9100", "tcp", "10.0.0.5:9100", {}),
        ("file:/dev/usb/lp0", "file", "/dev/usb/lp0", {}),
        ("cups:receipts", "cups", "receipts", {}),
        ("sim:", "sim", "", {}),
    ],
)
def test_every_documented_uri_parses(text, scheme, target, options):
    uri = parse_device_uri(text)
    assert (uri.scheme, uri.target, uri.options) == (scheme, target, options)


def test_tcp_uri_gives_host_and_port():
    uri = parse_device_uri("tcp://10.0.0.5:9100", PRINTER_SCHEMES)
    assert (uri.host, uri.port) == ("10.0.0.5", 9100)
    assert str(uri) == "tcp://10.0.0.5:9100"


def test_numeric_option_with_a_word_is_a_clear_error():
    uri = parse_device_uri("sam:/dev/ttyUSB0?baud=fast")
    with pytest.raises(DeviceUriError, match="baud"):
        uri.int_option("baud", 115200)


@pytest.mark.parametrize(
    "text", ["", "nothing", "sam:", "tcp://host", "tcp://:9100", "usb:0x0416", "sim:robot"]
)
def test_malformed_uris_are_refused(text):
    with pytest.raises(DeviceUriError):
        parse_device_uri(text)


def test_a_printer_scheme_is_not_a_card_reader():
    with pytest.raises(DeviceUriError, match="not one of"):
        parse_device_uri("tcp://127.0.0.1:9100", CARD_READER_SCHEMES)
