print("kdbench")
