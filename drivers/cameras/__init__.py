"""Document cameras (高拍仪): a frame at a time from a UVC camera or a simulated desk."""
