"""Workshop rooms: hosting, joining and the projector view on the room store."""
