print("kdsite")
