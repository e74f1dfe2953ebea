"""What a lesson's page is made of, shared by every lesson: the declaration of a lesson
(:mod:`.lesson`), the page around a training session (:mod:`.lesson_page`), the grid of
views (:mod:`.dashboard`) and the display timer that draws frames (:mod:`.frame_scheduler`).
Nothing here imports a lesson."""
